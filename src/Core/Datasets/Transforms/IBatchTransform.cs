using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>
/// A preprocessing step applied to a whole batch [B, C, H, W] at once, on whatever device the batch
/// lives, so no per-sample or per-pixel work happens in C#.
/// </summary>
public interface IBatchTransform
{
    /// <summary>Returns a new tensor owned by the caller; <paramref name="batch"/> is neither modified nor disposed.</summary>
    Tensor Apply(Tensor batch);

    /// <summary>The per-sample shape this transform produces from <paramref name="input"/>; throws if it cannot accept it.</summary>
    (int C, int H, int W) OutputShape((int C, int H, int W) input);
}
