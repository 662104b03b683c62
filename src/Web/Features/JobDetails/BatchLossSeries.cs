using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// The batch-level curve of the epoch in progress. Batch events are ephemeral (the Api keeps no
/// history of them), so the curve starts wherever this page started listening.
/// </summary>
public sealed class BatchLossSeries
{
    // Bounds memory for very long epochs; events are throttled to a few per second anyway.
    private const int MaxPoints = 1000;
    private readonly List<BatchPoint> points = [];

    public BatchProgressEvent? Latest { get; private set; }

    /// <summary>A fresh array after every change; see <see cref="MetricsSeries.Points"/>.</summary>
    public IReadOnlyList<BatchPoint> Points { get; private set; } = [];

    /// <returns><see langword="true"/> when the event was newer than anything seen so far.</returns>
    public bool Add(BatchProgressEvent progress)
    {
        if (Latest is { } latest
            && (progress.Epoch < latest.Epoch || (progress.Epoch == latest.Epoch && progress.Batch <= latest.Batch)))
        {
            return false;
        }

        if (Latest is null || progress.Epoch != Latest.Epoch)
        {
            points.Clear();
        }

        points.Add(new BatchPoint(progress.Batch, progress.Loss, progress.Accuracy));
        if (points.Count > MaxPoints)
        {
            points.RemoveAt(0);
        }

        Latest = progress;
        Points = [.. points];
        return true;
    }

    /// <summary>For a new attempt of the job, which runs the epoch in progress again from its checkpoint or from the start.</summary>
    public void Clear()
    {
        points.Clear();
        Latest = null;
        Points = [];
    }
}
