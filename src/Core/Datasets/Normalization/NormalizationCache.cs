using System.Text.Json;

namespace TrainingService.Core.Datasets.Normalization;

/// <summary>
/// Remembers <see cref="NormalizationStatistics"/> in <c>normalization.json</c> in a dataset's folder, so
/// "auto" normalisation computes them once per training split. An entry is keyed by dataset name, split
/// size and a <see cref="SplitFingerprint"/> of the content, so a
/// different subset or changed files never reuse stale values. Concurrent writers may overwrite each
/// other's entries; that only costs a recomputation.
/// </summary>
public sealed class NormalizationCache
{
    public const string FileName = "normalization.json";

    // Enough for the handful of subset sizes a dataset sees, without the file growing forever.
    private const int MaxEntries = 32;

    private readonly string path;

    public NormalizationCache(string datasetFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetFolder);
        path = Path.Combine(datasetFolder, FileName);
    }

    public NormalizationStatistics GetOrCompute(string datasetName, LabeledImages train)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetName);
        ArgumentNullException.ThrowIfNull(train);
        var key = new NormalizationCacheEntry(datasetName, train.Count, SplitFingerprint.Of(train), [], []);
        var entries = ReadEntries();
        var hit = entries.FirstOrDefault(entry => entry.Matches(key));
        if (hit is not null)
        {
            return new NormalizationStatistics(hit.Mean, hit.Std);
        }

        var statistics = NormalizationStatistics.Compute(train);
        entries.Insert(0, key with { Mean = statistics.Mean, Std = statistics.Std });
        WriteEntries(entries.Take(MaxEntries).ToList());
        return statistics;
    }

    private List<NormalizationCacheEntry> ReadEntries()
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<List<NormalizationCacheEntry>>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? []
                : [];
        }
        catch (JsonException)
        {
            // A damaged cache is only a missed shortcut; it is rewritten below.
            return [];
        }
    }

    private void WriteEntries(List<NormalizationCacheEntry> entries)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(entries, JsonSerializerOptions.Web));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only dataset folder is legitimate; it only costs recomputing next time.
            File.Delete(temporary);
        }
    }
}
