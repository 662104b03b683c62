using System.Diagnostics;
using TrainingService.Core.Datasets;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Training;

/// <summary>
/// One training epoch, synchronous on the calling thread (dispose scopes are thread-static).
/// Loss and hits accumulate on the device; they are read back only when progress is reported.
/// </summary>
public sealed class EpochTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Device device, TimeSpan progressInterval)
{
    public EvaluationResult Train(BatchLoader loader, int epoch, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        model.train();
        using var lossSum = zeros(1, dtype: float64, device: device);
        using var correct = zeros(1, dtype: int64, device: device);
        long count = 0;
        var sinceReport = Stopwatch.StartNew();
        BatchLoop.ForEach(loader, epoch - 1, cancellationToken, (index, images, labels) =>
        {
            optimizer.zero_grad();
            var logits = model.call(images);
            var loss = F.cross_entropy(logits, labels);
            loss.backward();
            optimizer.step();
            var batchSize = labels.shape[0];
            lossSum.add_(loss.detach().to(float64) * batchSize);
            correct.add_(logits.detach().argmax(1).eq(labels).sum());
            count += batchSize;
            var last = index + 1 == loader.BatchesPerEpoch;
            if (last || sinceReport.Elapsed >= progressInterval)
            {
                observer.OnBatchCompleted(new BatchProgress(epoch, index + 1, loader.BatchesPerEpoch,
                    lossSum.item<double>() / count, (double)correct.item<long>() / count));
                sinceReport.Restart();
            }
        });
        return new EvaluationResult(lossSum.item<double>() / count, (double)correct.item<long>() / count, count);
    }
}
