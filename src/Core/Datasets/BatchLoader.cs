using TorchSharp;
using TrainingService.Core.Datasets.Transforms;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Cuts a split into mini-batches on the training device. The split is copied there once, still uint8
/// (a quarter of float32's footprint), and each batch is gathered with index_select and converted there.
/// The last partial batch is kept. Shuffled epochs use a permutation seeded with seed + epoch, so a run
/// is reproducible and every epoch differs.
/// </summary>
public sealed class BatchLoader : IDisposable
{
    private readonly Tensor images;
    private readonly Tensor labels;
    private readonly IBatchTransform transform;
    private readonly bool shuffle;
    private readonly long seed;
    private readonly Device device;

    public BatchLoader(LabeledImages data, int batchSize, bool shuffle, long seed, Device device, IBatchTransform transform)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var shape = data.Images.shape;
        OutputShape = transform.OutputShape(((int)shape[1], (int)shape[2], (int)shape[3]));
        (BatchSize, Count, this.shuffle, this.seed, this.device, this.transform) =
            (batchSize, data.Count, shuffle, seed, device, transform);
        images = data.Images.to(device).DetachFromDisposeScope();
        labels = data.Labels.to(device).DetachFromDisposeScope();
    }

    public int BatchSize { get; }

    public long Count { get; }

    public int BatchesPerEpoch => (int)((Count + BatchSize - 1) / BatchSize);

    /// <summary>Per-sample shape of the yielded images, after the transforms.</summary>
    public (int C, int H, int W) OutputShape { get; }

    /// <summary>
    /// Yields float32 images [B, C, H, W] and int64 labels [B] on the device; images are float32 even
    /// when no transform converts them (then they hold 0..255). Each pair is new and owned by the caller
    /// (registered in the dispose scope current when the enumerator advances, if any): the loader never
    /// disposes what it yielded.
    /// </summary>
    /// <param name="firstBatch">Batches before it are skipped without being gathered or transformed (a resumed epoch).</param>
    public IEnumerable<(Tensor Images, Tensor Labels)> Epoch(int epochIndex, int firstBatch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(firstBatch);
        return Batches(epochIndex, firstBatch);
    }

    public void Dispose()
    {
        images.Dispose();
        labels.Dispose();
    }

    // No dispose scope may stay open across a yield: the caller's tensors would land in it.
    private IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epochIndex, int firstBatch)
    {
        using var order = EpochOrder.Create(Count, shuffle, seed, epochIndex, device);
        for (long start = (long)firstBatch * BatchSize; start < Count; start += BatchSize)
        {
            yield return Gather(order, start, Math.Min(BatchSize, Count - start));
        }
    }

    private (Tensor Images, Tensor Labels) Gather(Tensor order, long start, long length)
    {
        using var scope = torch.NewDisposeScope();
        var indices = order.narrow(0, start, length);
        var batch = transform.Apply(images.index_select(0, indices));
        if (batch.dtype != ScalarType.Float32)
        {
            batch = batch.to_type(ScalarType.Float32);
        }

        return (batch.MoveToOuterDisposeScope(), labels.index_select(0, indices).MoveToOuterDisposeScope());
    }
}
