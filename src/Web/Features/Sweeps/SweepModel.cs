using TrainingService.Contracts.Sweeps;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>Everything the sweep page shows, as last read: the sweep, its trials and rungs, and the best trial's epochs.</summary>
public sealed class SweepModel
{
    public Guid SweepId { get; private set; }

    public SweepResource? Sweep { get; private set; }

    public bool NotFound { get; private set; }

    public IReadOnlyList<SweepTrialResource> Trials { get; private set; } = [];

    public IReadOnlyList<SweepRungResource> Rungs { get; private set; } = [];

    /// <summary>The epochs of <see cref="SweepResource.Best"/>'s job, for its curves.</summary>
    public IReadOnlyList<EpochMetricDto> BestMetrics { get; private set; } = [];

    public IReadOnlyList<SweepTrialResource> Ranked => Sweep is { } sweep ? Leaderboard.Rank(Trials, Mode(sweep)) : [];

    public ParallelCoordinates? Parallel => Sweep is { } sweep ? ParallelCoordinates.Build(sweep.Definition, Trials) : null;

    public bool IsRunning => Sweep?.Status == SweepStatus.Running;

    public void Reset(Guid sweepId)
    {
        SweepId = sweepId;
        Sweep = null;
        NotFound = false;
        Trials = [];
        Rungs = [];
        BestMetrics = [];
    }

    public void Load(SweepResource? sweep, IReadOnlyList<SweepTrialResource> trials, IReadOnlyList<SweepRungResource> rungs, IReadOnlyList<EpochMetricDto> bestMetrics)
    {
        Sweep = sweep;
        NotFound = sweep is null;
        Trials = trials;
        Rungs = [.. rungs.OrderBy(r => r.Rung).ThenBy(r => r.RecordedAt)];
        BestMetrics = bestMetrics;
    }

    /// <summary>The sweep as the Api answered a cancel.</summary>
    public void Update(SweepResource sweep)
    {
        if (sweep.Id == SweepId)
        {
            Sweep = sweep;
        }
    }

    public bool IsTrial(Guid jobId) => Trials.Any(t => t.JobId == jobId);

    /// <summary>The mode the Api ranks by: the definition's, which the Api fills with the metric's natural one.</summary>
    public static string Mode(SweepResource sweep) => sweep.Definition.Mode ?? SweepMetrics.NaturalMode(sweep.Definition.Metric);
}
