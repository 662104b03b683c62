using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>Bilinear resize of the whole batch (align_corners=False, as torchvision's Resize on tensors).</summary>
public sealed class Resize : IBatchTransform
{
    public Resize(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        (Height, Width) = (height, width);
    }

    public int Height { get; }

    public int Width { get; }

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.shape[^2] == Height && batch.shape[^1] == Width)
        {
            return batch.alias();
        }
        using var floating = batch.is_floating_point() ? batch.alias() : batch.to(float32);
        return F.interpolate(floating, [Height, Width], mode: InterpolationMode.Bilinear, align_corners: false);
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input) => (input.C, Height, Width);
}
