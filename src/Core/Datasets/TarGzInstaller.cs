using System.Formats.Tar;
using System.IO.Compression;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Unpacks the named files of a verified tar.gz into a dataset folder. Only entries whose names are
/// listed are written, so a hostile archive cannot place files elsewhere (no "../" or absolute
/// names are ever followed); they land in a staging folder first and are moved into place only once
/// every listed file came out, so a failed extraction leaves nothing half-written behind.
/// </summary>
internal static class TarGzInstaller
{
    /// <param name="files">Paths relative to <paramref name="folder"/>, '/'-separated as in the archive.</param>
    /// <returns>Null once installed, otherwise why the archive was rejected.</returns>
    public static async Task<string?> InstallAsync(
        string archivePath, string folder, DatasetArchive archive, IReadOnlyList<string> files, CancellationToken ct)
    {
        var md5 = await FileHashes.Md5Async(archivePath, ct);
        if (md5 != archive.Md5)
        {
            return $"MD5 is {md5}, expected {archive.Md5}";
        }

        var staging = Path.Combine(folder, $".extract-{Guid.NewGuid():N}.tmp");
        try
        {
            var missing = await ExtractAsync(archivePath, staging, files, ct);
            if (missing.Count > 0)
            {
                return $"the archive does not contain {string.Join(", ", missing.Order(StringComparer.Ordinal))}";
            }

            foreach (var file in files)
            {
                var target = Path.Combine(folder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, file), target, overwrite: true);
            }

            return null;
        }
        catch (FormatException e)
        {
            return $"not a valid tar.gz: {e.Message}";
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<HashSet<string>> ExtractAsync(
        string archivePath, string staging, IReadOnlyList<string> files, CancellationToken ct)
    {
        var missing = new HashSet<string>(files, StringComparer.Ordinal);
        await using var input = FileHashes.OpenRead(archivePath);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (missing.Count > 0 && await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && missing.Remove(name))
            {
                var target = Path.Combine(staging, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await entry.ExtractToFileAsync(target, overwrite: false, ct);
            }
        }

        return missing;
    }
}
