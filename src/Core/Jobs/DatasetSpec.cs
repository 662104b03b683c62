using TrainingService.Core.Datasets.Synthetic;

namespace TrainingService.Core.Jobs;

/// <summary>
/// The dataset, the share of its training split held out for validation, optional subset sizes,
/// how its images are adapted to the network, for <c>synthetic</c> what to generate, and for
/// <c>imagefolder</c> the <see cref="Id"/> of the uploaded dataset.
/// </summary>
public sealed record DatasetSpec(
    string Name,
    double ValidationFraction,
    int? TrainLimit = null,
    int? ValidationLimit = null,
    int? TestLimit = null,
    InputTransformsSpec? Transforms = null,
    SyntheticDatasetSpec? Synthetic = null,
    Guid? Id = null);
