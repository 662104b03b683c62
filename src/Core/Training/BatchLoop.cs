using TrainingService.Core.Datasets;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// Runs an action over one epoch of batches, each in its own dispose scope. The enumerator is
/// advanced inside the scope so the batch tensors the loader creates are freed with it.
/// </summary>
internal static class BatchLoop
{
    public static void ForEach(BatchLoader loader, int epochIndex, CancellationToken cancellationToken, Action<int, Tensor, Tensor> body)
    {
        using var batches = loader.Epoch(epochIndex).GetEnumerator();
        for (var index = 0; ; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            if (!batches.MoveNext())
            {
                return;
            }
            var (images, labels) = batches.Current;
            body(index, images, labels);
        }
    }
}
