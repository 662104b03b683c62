using TrainingService.Core.Jobs;

namespace TrainingService.Core.Sweeps;

/// <summary>A trial as validated: its number, the values it gives the searched fields, and the job it becomes.</summary>
public sealed record PlannedTrial(TrialPoint Point, TrainingJobSpec Spec, JobResolution? Resolution);
