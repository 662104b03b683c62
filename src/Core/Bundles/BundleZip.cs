using System.IO.Compression;

namespace TrainingService.Core.Bundles;

/// <summary>Writes entries as one zip onto a forward-only stream (a response body), never holding the whole archive.</summary>
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
