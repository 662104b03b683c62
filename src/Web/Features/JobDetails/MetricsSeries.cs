using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// Per-epoch metrics merged from REST history and live <c>EpochCompleted</c> events, which overlap
/// and may arrive in any order (a reconnect re-reads history that already holds live points).
/// One point per epoch, ordered by epoch; for the same epoch the later recording wins.
/// </summary>
public sealed class MetricsSeries
{
    private readonly SortedList<int, EpochMetricDto> byEpoch = [];

    /// <summary>
    /// A fresh array after every change, never mutated afterwards: charts detect new data by reference.
    /// </summary>
    public IReadOnlyList<EpochMetricDto> Points { get; private set; } = [];

    public int LastEpoch => byEpoch.Count == 0 ? 0 : byEpoch.Keys[byEpoch.Count - 1];

    /// <returns><see langword="true"/> when the series changed.</returns>
    public bool Merge(EpochMetricDto point) => Merge([point]);

    /// <returns><see langword="true"/> when the series changed.</returns>
    public bool Merge(IEnumerable<EpochMetricDto> points)
    {
        var changed = false;
        foreach (var point in points)
        {
            changed |= MergeOne(point);
        }

        if (changed)
        {
            Points = [.. byEpoch.Values];
        }

        return changed;
    }

    public void Clear()
    {
        byEpoch.Clear();
        Points = [];
    }

    private bool MergeOne(EpochMetricDto point)
    {
        if (byEpoch.TryGetValue(point.Epoch, out var existing)
            && (existing == point || existing.RecordedAt > point.RecordedAt))
        {
            return false;
        }

        byEpoch[point.Epoch] = point;
        return true;
    }
}
