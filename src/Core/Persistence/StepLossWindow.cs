namespace TrainingService.Core.Persistence;

/// <summary>The step rows a read asked for, by epoch, and how many steps the job has recorded in all.</summary>
public sealed record StepLossWindow(IReadOnlyList<StepLossesRecord> Rows, long TotalSteps);
