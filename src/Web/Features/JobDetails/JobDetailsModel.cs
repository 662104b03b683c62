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

    // About one bucket per horizontal pixel of the chart; the Api's own default.
    public const int StepChartPoints = 1000;

    public StepLossFeed Steps { get; } = new(StepChartPoints);

    public IReadOnlyList<CheckpointDto> Checkpoints { get; private set; } = [];

    public IReadOnlyList<AttemptDto> Attempts { get; private set; } = [];

    /// <summary>Where attempts after the first started, for the epoch charts; a fresh list only when attempts are re-read.</summary>
    public IReadOnlyList<ResumeMarker> EpochResumes { get; private set; } = [];

    /// <summary>The same starts on the per-step chart's axis.</summary>
    public IReadOnlyList<ResumeMarker> StepResumes { get; private set; } = [];

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
        SetAttempts([]);
    }

    public void Load(JobDto? job, IReadOnlyList<EpochMetricDto> metrics, IReadOnlyList<CheckpointDto> checkpoints)
    {
        // A new attempt continues from its training checkpoint (or from epoch one without one), so live points the
        // previous attempt added past that checkpoint may not stand; the history read with the new attempt does.
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

    public void SetAttempts(IReadOnlyList<AttemptDto> attempts)
    {
        Attempts = attempts;
        EpochResumes = ResumeMarkers.OnEpochAxis(attempts);
        StepResumes = ResumeMarkers.OnStepAxis(attempts);
    }

    /// <summary>The job as the Api answered a cancel, pause or resume.</summary>
    public void Update(JobDto job)
    {
        if (job.Id == JobId)
        {
            Job = job;
        }
    }

    /// <returns>
    /// <see langword="true"/> when everything must be re-read: the job finished (its result and checkpoints
    /// come only over REST) or a new attempt started (its curves continue from where it resumed).
    /// </returns>
    public bool Apply(JobStatusChangedEvent change)
    {
        if (change.JobId != JobId || Job is null)
        {
            return false;
        }

        var newAttempt = change.Attempt > Job.Attempt;
        // The attempt is left for Load to move, so that it sees the change and drops the previous attempt's points.
        Job = Job with
        {
            Status = change.Status,
            Error = change.Error,
            CurrentEpoch = change.CurrentEpoch,
            TotalEpochs = change.TotalEpochs,
            StatusReason = change.Reason,
            StopRequest = change.StopRequest,
        };
        return change.Status.IsTerminal() || newAttempt;
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
