using System.IO.Compression;

namespace TrainingService.Core.Bundles;

/// <summary>
/// Writes entries as one zip, each compressed as it is written, so the archive is never held in memory. Some of
/// <see cref="ZipArchive"/>'s writes stay synchronous even through its async API (closing an entry flushes its
/// deflater synchronously), so the destination must accept synchronous writes: a file, not a response body.
/// </summary>
public static class BundleZip
{
    public static async Task WriteAsync(Stream destination, IReadOnlyList<BundleEntry> entries, DateTimeOffset timestamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(entries);
        var duplicate = entries.GroupBy(e => e.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The bundle has two entries named '{duplicate.Key}'.", nameof(entries));
        }

        await using var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        foreach (var entry in entries)
        {
            var file = zip.CreateEntry(entry.Path, CompressionLevel.Fastest);
            // Zip dates have no zone and a 2-second grain; the job's own time keeps repeated downloads alike.
            file.LastWriteTime = timestamp;
            await using var stream = await file.OpenAsync(ct);
            await entry.WriteAsync(stream, ct);
        }
    }
}
