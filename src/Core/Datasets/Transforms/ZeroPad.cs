using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>Adds zero-valued rows and columns around every image of a batch.</summary>
public sealed class ZeroPad : IBatchTransform
{
    private readonly int top;
    private readonly int bottom;
    private readonly int left;
    private readonly int right;

    public ZeroPad(int top, int bottom, int left, int right)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegative(bottom);
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfNegative(right);
        (this.top, this.bottom, this.left, this.right) = (top, bottom, left, right);
    }

    public int Top => top;

    public int Bottom => bottom;

    public int Left => left;

    public int Right => right;

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Pad(batch, top, bottom, left, right);
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input) =>
        (input.C, input.H + top + bottom, input.W + left + right);

    internal static Tensor Pad(Tensor batch, long top, long bottom, long left, long right)
    {
        using var scope = torch.NewDisposeScope();
        // pad lists the last dimension first: (left, right) for W, then (top, bottom) for H.
        return nn.functional.pad(batch, (left, right, top, bottom)).MoveToOuterDisposeScope();
    }
}
