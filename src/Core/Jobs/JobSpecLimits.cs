namespace TrainingService.Core.Jobs;

/// <summary>Upper bounds that keep one job from monopolising a worker by accident; bound from configuration.</summary>
public sealed class JobSpecLimits
{
    public int MaxEpochs { get; set; } = 1000;
    public int MaxBatchSize { get; set; } = 8192;
    public double MaxLearningRate { get; set; } = 10;

    /// <summary>
    /// The most trainable parameters a network may have: 2 GB of float32 weights, several times VGG-16's 138
    /// million (the largest zoo model), while a typo such as a Linear of a million outputs after a flattened image is refused.
    /// </summary>
    public long MaxParameters { get; set; } = 500_000_000;

    /// <summary>
    /// The most memory a job's training step may be estimated to need (<see cref="TrainingMemoryEstimate"/>): 16 GiB,
    /// what a common training GPU or a modest worker has. The estimate counts, as torchinfo does, only the outputs of
    /// layers with parameters, so real use runs somewhat higher; VGG-16 at 224x224 fits up to a batch of about 128.
    /// </summary>
    public long MaxTrainingMemoryBytes { get; set; } = 16L << 30;
}
