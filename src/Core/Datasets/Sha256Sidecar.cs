using System.Globalization;

namespace TrainingService.Core.Datasets;

/// <summary>
/// The <c>&lt;name&gt;.sha256</c> file next to a dataset file: its SHA-256 as last computed, keyed on
/// size and modification time so a 47 MB file is hashed once rather than on every training job.
/// For files without a published SHA-256 the store writes it only after the gzip MD5 matched, so
/// there its presence also records that the file was verified when installed.
/// </summary>
internal static class Sha256Sidecar
{
    public static string PathFor(string filePath) => filePath + ".sha256";

    public static async Task<string?> TryReadAsync(string filePath, CancellationToken ct)
    {
        var sidecar = PathFor(filePath);
        if (!File.Exists(sidecar))
        {
            return null;
        }

        var parts = (await File.ReadAllTextAsync(sidecar, ct)).Split(' ', StringSplitOptions.TrimEntries);
        var file = new FileInfo(filePath);
        return parts.Length == 3 && parts[1] == Key(file.Length) && parts[2] == Key(file.LastWriteTimeUtc.Ticks)
            ? parts[0]
            : null;
    }

    public static Task WriteAsync(string filePath, string sha256, CancellationToken ct)
    {
        var file = new FileInfo(filePath);
        var line = $"{sha256} {Key(file.Length)} {Key(file.LastWriteTimeUtc.Ticks)}";
        return File.WriteAllTextAsync(PathFor(filePath), line, ct);
    }

    public static void Delete(string filePath) => File.Delete(PathFor(filePath));

    private static string Key(long value) => value.ToString(CultureInfo.InvariantCulture);
}
