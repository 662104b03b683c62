using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>Converts 0..255 pixel values to float32 in [0, 1], as torchvision's ToTensor does.</summary>
public sealed class ScaleToUnit : IBatchTransform
{
    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = torch.NewDisposeScope();
        return batch.to_type(ScalarType.Float32).div(255f).MoveToOuterDisposeScope();
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input) => input;
}
