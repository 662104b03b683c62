namespace TrainingService.Core.Jobs;

/// <summary>Upper bounds that keep one job from monopolising a worker by accident; bound from configuration.</summary>
public sealed class JobSpecLimits
{
    public int MaxEpochs { get; set; } = 1000;
    public int MaxBatchSize { get; set; } = 8192;
    public double MaxLearningRate { get; set; } = 10;
}
