using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>Everything the job page shows, fed by REST reads and live hub events for one job.</summary>
public sealed class JobDetailsModel
{
    public Guid JobId { get; private set; }

    public JobDto? Job { get; private set; }

    public bool NotFound { get; private set; }

    public MetricsSeries Metrics { get; } = new();

    public BatchLossSeries Batches { get; } = new();

    public StepLossReads Steps { get; } = new();

    public IReadOnlyList<CheckpointDto> Checkpoints { get; private set; } = [];

    public TrainingProgressView Progress => BuildProgress();

    public void Reset(Guid jobId)
    {
        JobId = jobId;
        Job = null;
        NotFound = false;
        Metrics.Clear();
        Batches.Clear();
        Steps.Clear();
        Checkpoints = [];
    }

    public void Load(JobDto? job, IReadOnlyList<EpochMetricDto> metrics, IReadOnlyList<CheckpointDto> checkpoints)
    {
        // A retried job trains again from epoch one; points of the failed attempt would mix in.
        if (job is not null && Job is not null && job.Attempt != Job.Attempt)
        {
            Metrics.Clear();
            Batches.Clear();
        }

        Job = job;
        NotFound = job is null;
        Metrics.Merge(metrics);
        Checkpoints = checkpoints;
    }

    public void SetCheckpoints(IReadOnlyList<CheckpointDto> checkpoints) => Checkpoints = checkpoints;

    /// <returns><see langword="true"/> when the job finished: its result and checkpoints must be re-read.</returns>
    public bool Apply(JobStatusChangedEvent change)
    {
        if (change.JobId != JobId || Job is null)
        {
            return false;
        }

        Job = Job with
        {
            Status = change.Status,
            Error = change.Error,
            CurrentEpoch = change.CurrentEpoch,
            TotalEpochs = change.TotalEpochs,
        };
        return change.Status.IsTerminal();
    }

    public void Apply(EpochCompletedEvent epoch)
    {
        if (epoch.JobId != JobId)
        {
            return;
        }

        Metrics.Merge(epoch.ToMetric());
        if (Job is not null)
        {
            Job = Job with { CurrentEpoch = Math.Max(Job.CurrentEpoch, epoch.Epoch) };
        }
    }

    public void Apply(BatchProgressEvent progress)
    {
        if (progress.JobId == JobId)
        {
            Batches.Add(progress);
        }
    }

    private TrainingProgressView BuildProgress()
    {
        var total = Job?.TotalEpochs ?? 0;
        var completed = Job?.Status == JobStatus.Succeeded ? total : Metrics.LastEpoch;
        var running = Job?.Status == JobStatus.Running && Batches.Latest is { } batch && batch.Epoch > completed
            ? batch
            : null;
        return new TrainingProgressView(completed, total, running?.Epoch, running?.Batch ?? 0, running?.BatchesPerEpoch ?? 0);
    }
}
