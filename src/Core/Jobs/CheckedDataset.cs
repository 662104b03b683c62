using TrainingService.Core.Datasets;

namespace TrainingService.Core.Jobs;

/// <summary>A dataset part that passed its checks, with the registry's description of the dataset.</summary>
internal sealed record CheckedDataset(DatasetSpec Spec, DatasetInfo Info);
