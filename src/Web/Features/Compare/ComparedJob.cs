using TrainingService.Contracts.Models;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.Compare;

/// <summary>One job on the comparison page: what REST and the hub said of it, and its colour there.</summary>
public sealed class ComparedJob(Guid id, int index)
{
    public Guid Id { get; } = id;

    /// <summary>Its place in the URL, from 0: its colour, and its number where names repeat.</summary>
    public int Index { get; } = index;

    public string Color { get; } = CompareColors.For(index);

    /// <summary><see langword="null"/> until read, and after a read that found no such job (or another user's).</summary>
    public JobDto? Job { get; private set; }

    public bool Loaded { get; private set; }

    public MetricsSeries Metrics { get; } = new();

    public StepLossFeed Steps { get; } = new(JobDetailsModel.StepChartPoints);

    /// <summary>The test evaluation, once the job has succeeded.</summary>
    public EvaluationDto? Evaluation { get; set; }

    public ModelSummaryResource? Summary { get; set; }

    /// <summary>Why there is no summary, in words, when the Api could not give one.</summary>
    public string? SummaryProblem { get; set; }

    public FinalMetrics Final => FinalMetrics.From(Job!, Metrics.Points);

    public void Load(JobDto? job, IReadOnlyList<EpochMetricDto> metrics)
    {
        // A new attempt continues from its checkpoint, so points past it may not stand; the history read with it does.
        if (job is not null && Job is not null && job.Attempt != Job.Attempt)
        {
            Metrics.Clear();
        }

        Job = job;
        Loaded = true;
        Metrics.Merge(metrics);
    }

    /// <returns><see langword="true"/> when the job finished and what only REST has (result, evaluation) must be read.</returns>
    public bool Apply(JobStatusChangedEvent change)
    {
        if (Job is null)
        {
            return false;
        }

        Job = Job with
        {
            Status = change.Status,
            Error = change.Error,
            CurrentEpoch = change.CurrentEpoch,
            TotalEpochs = change.TotalEpochs,
            StatusReason = change.Reason,
            StopRequest = change.StopRequest,
        };
        return change.Status.IsTerminal() || change.Attempt > Job.Attempt;
    }

    public void Apply(EpochCompletedEvent epoch)
    {
        Metrics.Merge(epoch.ToMetric());
        if (Job is not null)
        {
            Job = Job with { CurrentEpoch = Math.Max(Job.CurrentEpoch, epoch.Epoch) };
        }
    }
}
