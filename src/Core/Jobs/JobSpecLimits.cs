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
    /// The most memory a job's training step may be estimated to need (<see cref="TrainingMemoryEstimate"/>): 32 GiB.
    /// Every zoo model trains at its own input size with a batch of 64 under Adam (VGG-19-BN, the largest, is estimated
    /// at 17.6 GB), while networks and batches that would need hundreds of gigabytes are refused. The estimate counts,
    /// as torchinfo does, only the outputs of layers with parameters, so real use runs higher: lower the limit to what
    /// the workers' GPUs or memory hold.
    /// </summary>
    public long MaxTrainingMemoryBytes { get; set; } = 32L << 30;
}
