using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets;

/// <summary>
/// One split held in memory: <see cref="Images"/> is a single uint8 tensor [N, C, H, W] (4 bytes of
/// float per pixel would quadruple the footprint) and <see cref="Labels"/> is int64 [N].
/// The instance owns both tensors outright: they are detached from any dispose scope and freed by
/// <see cref="Dispose"/>, so a split can outlive the scope it was loaded in.
/// </summary>
public sealed class LabeledImages : IDisposable
{
    /// <summary>Takes ownership of <paramref name="images"/> and <paramref name="labels"/>.</summary>
    public LabeledImages(Tensor images, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.dtype != ScalarType.Byte || images.dim() != 4)
        {
            throw new ArgumentException($"images must be uint8 [N, C, H, W], got {images.dtype} {Shape(images)}", nameof(images));
        }

        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException(
                $"labels must be int64 [{images.shape[0]}], got {labels.dtype} {Shape(labels)}", nameof(labels));
        }

        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public long Count => Images.shape[0];

    /// <summary>Builds a single-channel split from decoded IDX data with two bulk copies, no per-pixel work.</summary>
    public static LabeledImages FromIdx(IdxImages images, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != images.Count)
        {
            throw new ArgumentException($"{images.Count} images but {labels.Length} labels", nameof(labels));
        }

        using var scope = torch.NewDisposeScope();
        var pixels = torch.tensor(images.Pixels, [images.Count, 1, images.Rows, images.Columns]);
        var classes = torch.tensor(labels).to_type(ScalarType.Int64);
        return new LabeledImages(pixels, classes);
    }

    /// <summary>The first <paramref name="limit"/> samples (all of them if fewer), sharing storage with this split.</summary>
    public LabeledImages Take(long limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var count = Math.Min(limit, Count);
        return new LabeledImages(Images.narrow(0, 0, count), Labels.narrow(0, 0, count));
    }

    /// <summary>Copies the samples at <paramref name="indices"/> (int64 [K]) in that order.</summary>
    public LabeledImages Select(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        using var scope = torch.NewDisposeScope();
        var onDevice = indices.to(Images.device);
        return new LabeledImages(Images.index_select(0, onDevice), Labels.index_select(0, onDevice));
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }

    private static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
}
