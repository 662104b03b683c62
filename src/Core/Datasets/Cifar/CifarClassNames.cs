namespace TrainingService.Core.Datasets.Cifar;

/// <summary>The class names file of a CIFAR archive (<c>batches.meta.txt</c>): one name per line, blank lines ignored.</summary>
public static class CifarClassNames
{
    public static IReadOnlyList<string> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
    }

    /// <summary>
    /// Checks that the file names the classes the dataset's description promises, in label order: a
    /// mismatch means the batches belong to another dataset and their labels would mean other things.
    /// </summary>
    /// <exception cref="InvalidDatasetFileException">The names differ.</exception>
    public static void Check(string path, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var names = Read(path);
        if (!names.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDatasetFileException(Path.GetFileName(path),
                $"lists the {names.Count} classes [{string.Join(", ", names)}], expected the {expected.Count} classes [{string.Join(", ", expected)}]");
        }
    }
}
