using TrainingService.Core.Models.Summary;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>
/// What one training step of a job is estimated to hold in memory, in bytes: float32 weights, their gradients,
/// the optimizer's per-parameter state, the activations kept for the backward pass and the input batch.
/// Kept in floating point so that an absurd network yields an absurd number, never an overflow.
/// </summary>
public sealed record TrainingMemoryEstimate(double WeightBytes, int OptimizerSlots, double ActivationBytesPerImage, double InputBytesPerImage, int BatchSize)
{
    /// <summary>Weights, gradients and optimizer state: what the parameters cost whatever the batch size.</summary>
    public double ParameterStateBytes => WeightBytes * (2 + OptimizerSlots);

    public double PerImageBytes => ActivationBytesPerImage + InputBytesPerImage;

    public double BatchBytes => PerImageBytes * BatchSize;

    public double TotalBytes => ParameterStateBytes + BatchBytes;

    /// <summary>The largest batch that fits <paramref name="limitBytes"/>, 0 when not even one image does.</summary>
    public long LargestBatchWithin(double limitBytes) =>
        PerImageBytes <= 0 ? long.MaxValue : (long)Math.Max(0, Math.Floor((limitBytes - ParameterStateBytes) / PerImageBytes));

    /// <param name="summary">The network's summary at a batch of one.</param>
    public static TrainingMemoryEstimate Of(ModelSummary summary, Hyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var input = summary.Input;
        return new TrainingMemoryEstimate(
            4.0 * summary.TotalParams,
            SlotsOf(hyperparameters.Optimizer, hyperparameters.Momentum),
            (double)summary.ForwardBackwardBytes / summary.BatchSize,
            4.0 * input.Channels * input.Height * input.Width,
            hyperparameters.BatchSize);
    }

    /// <summary>Tensors of the parameters' size that <c>torch.optim</c> keeps per parameter.</summary>
    public static int SlotsOf(string optimizer, double momentum) => OptimizerKinds.Normalize(optimizer) switch
    {
        OptimizerKinds.Adam or OptimizerKinds.AdamW => 2, // exp_avg and exp_avg_sq
        OptimizerKinds.RmsProp => momentum > 0 ? 2 : 1, // square_avg, and momentum_buffer with momentum
        _ => momentum > 0 ? 1 : 0, // SGD's momentum_buffer
    };
}
