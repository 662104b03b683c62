using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>
/// Centres every image on a zero canvas of the given size, e.g. MNIST's 28x28 to the 32x32 that
/// LeNet-5 expects (two pixels each side). An odd remainder goes to the bottom and right.
/// </summary>
public sealed class PadTo : IBatchTransform
{
    public PadTo(int height, int width)
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
        var (h, w) = ((int)batch.shape[^2], (int)batch.shape[^1]);
        Require(h, w);
        var (top, left) = ((Height - h) / 2, (Width - w) / 2);
        return ZeroPad.Pad(batch, top, Height - h - top, left, Width - w - left);
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input)
    {
        Require(input.H, input.W);
        return (input.C, Height, Width);
    }

    private void Require(int h, int w)
    {
        if (h > Height || w > Width)
        {
            throw new ArgumentException($"cannot pad {h}x{w} images to the smaller {Height}x{Width}");
        }
    }
}
