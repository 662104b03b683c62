using TrainingService.Core.Datasets;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// Runs an action over one epoch of batches, each in its own dispose scope. The enumerator is
/// advanced inside the scope so the batch tensors the loader creates are freed with it.
/// </summary>
internal static class BatchLoop
{
    /// <summary>Every batch, or an <see cref="OperationCanceledException"/> at the first boundary after cancellation.</summary>
    public static void ForEach(BatchLoader loader, int epochIndex, CancellationToken cancellationToken, Action<int, Tensor, Tensor> body)
    {
        var done = Until(loader, epochIndex, 0, cancellationToken, body);
        if (done < loader.BatchesPerEpoch)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// The batches from <paramref name="firstBatch"/> on, stopping quietly at the first batch boundary after
    /// <paramref name="stop"/> is signalled; returns the number of batches of the epoch done by then.
    /// </summary>
    public static int Until(BatchLoader loader, int epochIndex, int firstBatch, CancellationToken stop, Action<int, Tensor, Tensor> body)
    {
        using var batches = loader.Epoch(epochIndex, firstBatch).GetEnumerator();
        for (var index = firstBatch; ; index++)
        {
            if (stop.IsCancellationRequested)
            {
                return index;
            }
            using var scope = NewDisposeScope();
            if (!batches.MoveNext())
            {
                return index;
            }
            var (images, labels) = batches.Current;
            body(index, images, labels);
        }
    }
}
