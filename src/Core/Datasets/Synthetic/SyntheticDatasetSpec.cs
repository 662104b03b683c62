namespace TrainingService.Core.Datasets.Synthetic;

/// <summary>The shape, class count and sizes of a generated dataset; every member has a default.</summary>
public sealed record SyntheticDatasetSpec(
    int Channels = 3,
    int Height = 32,
    int Width = 32,
    int NumClasses = 10,
    int TrainSize = 1000,
    int TestSize = 200,
    long Seed = 0);
