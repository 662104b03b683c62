using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>
/// torchvision's RandomCrop(size, padding) for whole batches: zero-pads every image by
/// <see cref="Padding"/> on each side, then cuts a <see cref="Height"/> x <see cref="Width"/> window at
/// an offset drawn per image. The windows are gathered with index tensors (rows, then columns), so a
/// batch is two gathers whatever its size. Offsets come from a CPU generator seeded at construction:
/// the same seed gives the same crops for the same sequence of batches on any device. Not thread-safe;
/// use one instance per loader.
/// </summary>
public sealed class RandomCrop : IRandomBatchTransform
{
    private readonly torch.Generator generator;

    public torch.Generator Generator => generator;

    public RandomCrop(int size, int padding, long seed)
        : this(size, size, padding, seed)
    {
    }

    public RandomCrop(int height, int width, int padding, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        (Height, Width, Padding) = (height, width, padding);
        generator = new torch.Generator(unchecked((ulong)seed));
    }

    public int Height { get; }

    public int Width { get; }

    public int Padding { get; }

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (b, c, h, w) = (batch.shape[0], batch.shape[1], batch.shape[2] + (2 * Padding), batch.shape[3] + (2 * Padding));
        Require(h, w);
        using var scope = torch.NewDisposeScope();
        var padded = ZeroPad.Pad(batch, Padding, Padding, Padding, Padding);
        // Non-blocking: a plain copy to a GPU waits for the whole queue of the previous step, once per batch. From pageable
        // memory the copy is staged before it returns, so the CPU tensor may go at once; on the CPU it is no copy at all.
        var top = torch.randint(0, h - Height + 1, [b], generator: generator).to(batch.device, non_blocking: true);
        var left = torch.randint(0, w - Width + 1, [b], generator: generator).to(batch.device, non_blocking: true);
        var rows = top.view(b, 1, 1, 1) + torch.arange(Height, device: batch.device).view(1, 1, Height, 1);
        var columns = left.view(b, 1, 1, 1) + torch.arange(Width, device: batch.device).view(1, 1, 1, Width);
        var band = padded.gather(2, rows.expand(b, c, Height, w));
        return band.gather(3, columns.expand(b, c, Height, Width)).MoveToOuterDisposeScope();
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input)
    {
        Require(input.H + (2 * Padding), input.W + (2 * Padding));
        return (input.C, Height, Width);
    }

    private void Require(long paddedHeight, long paddedWidth)
    {
        if (paddedHeight < Height || paddedWidth < Width)
        {
            throw new ArgumentException(
                $"cannot crop {Height}x{Width} from images of {paddedHeight}x{paddedWidth} (padding {Padding} included)");
        }
    }
}
