namespace TrainingService.Core.Tests.Datasets;

/// <summary>A dataset root of its own per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "datasets-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string[] FilesIn(string relativeFolder)
    {
        var folder = System.IO.Path.Combine(Path, relativeFolder);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => System.IO.Path.GetFileName(f)!).Order().ToArray()
            : [];
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
