using TrainingService.Core.Datasets.Synthetic;

namespace TrainingService.Core.Jobs.Submission;

/// <summary>The dataset part of a submitted job.</summary>
public sealed record DatasetSubmission(
    string? Name,
    double? ValidationFraction,
    int? TrainLimit,
    int? ValidationLimit,
    int? TestLimit,
    InputTransformsSpec? Transforms = null,
    SyntheticDatasetSpec? Synthetic = null,
    Guid? Id = null);
