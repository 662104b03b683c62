namespace TrainingService.Core.Datasets;

/// <summary>
/// A tar.gz that ships several files of a dataset at once (CIFAR-10's batches), verified by the MD5
/// its authors publish for the whole archive and fetched from <see cref="Urls"/> in order.
/// </summary>
public sealed record DatasetArchive
{
    public DatasetArchive(string fileName, string md5, IReadOnlyList<string> urls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(md5);
        ArgumentNullException.ThrowIfNull(urls);
        if (fileName != Path.GetFileName(fileName) || fileName is "." or "..")
        {
            throw new ArgumentException($"'{fileName}' must be a plain file name, not a path", nameof(fileName));
        }

        if (md5.Length != 32 || !md5.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{md5}' is not 32 lowercase hex digits", nameof(md5));
        }

        (FileName, Md5, Urls) = (fileName, md5, urls.ToArray());
    }

    public string FileName { get; }

    /// <summary>Lowercase hex MD5 of the archive as published.</summary>
    public string Md5 { get; }

    public IReadOnlyList<string> Urls { get; }
}
