namespace TrainingService.Core.Jobs;

/// <summary>The dataset, the share of its training split held out for validation, and optional subset sizes.</summary>
public sealed record DatasetSpec(
    string Name,
    double ValidationFraction,
    int? TrainLimit = null,
    int? ValidationLimit = null,
    int? TestLimit = null);
