using TrainingService.Contracts.Jobs;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>The job page as the prerender read it, for the interactive render of the same job (<see cref="Shared.PrerenderHandoff"/>).</summary>
public sealed record JobPageSnapshot(
    Guid JobId,
    JobDto? Job,
    IReadOnlyList<EpochMetricDto> Metrics,
    IReadOnlyList<CheckpointDto> Checkpoints,
    IReadOnlyList<AttemptDto> Attempts,
    StepSeriesResource Steps,
    EvaluationDto? Evaluation);
