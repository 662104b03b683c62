using System.Diagnostics;
using TrainingService.Core.Datasets;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// One training epoch, synchronous on the calling thread (dispose scopes are thread-static). The
/// schedule sets the rate before every step; loss and hits accumulate on the device and are read
/// back only when progress is reported, so a GPU is not made to wait each batch.
/// </summary>
public sealed class EpochTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Device device, TimeSpan progressInterval, TrainingStepSettings settings)
{
    public double LastLearningRate { get; private set; }

    public EvaluationResult Train(BatchLoader loader, int epoch, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        model.train();
        using var lossSum = zeros(1, dtype: float64, device: device);
        using var correct = zeros(1, dtype: int64, device: device);
        using var steps = new StepLossBuffer(settings.StepLosses, Math.Max(1, loader.BatchesPerEpoch), device);
        long count = 0;
        var sinceReport = Stopwatch.StartNew();
        BatchLoop.ForEach(loader, epoch - 1, cancellationToken, (index, images, labels) =>
        {
            LastLearningRate = settings.Schedule.RateFor(epoch, index, loader.BatchesPerEpoch);
            OptimizerLearningRate.Set(optimizer, LastLearningRate);
            optimizer.zero_grad();
            var logits = model.call(images);
            var loss = LossFunction.CrossEntropy(logits, labels, settings.LabelSmoothing);
            loss.backward();
            if (settings.GradientClipNorm is { } maxNorm)
            {
                GradientClipping.ClipByNorm(model.parameters(), maxNorm);
            }
            optimizer.step();
            steps.Record(loss);
            var batchSize = labels.shape[0];
            lossSum.add_(loss.detach().to(float64) * batchSize);
            correct.add_(logits.detach().argmax(1).eq(labels).sum());
            count += batchSize;
            if (index + 1 == loader.BatchesPerEpoch || sinceReport.Elapsed >= progressInterval)
            {
                observer.OnBatchCompleted(new BatchProgress(epoch, index + 1, loader.BatchesPerEpoch,
                    lossSum.item<double>() / count, (double)correct.item<long>() / count));
                sinceReport.Restart();
            }
        });
        steps.Flush();
        return new EvaluationResult(lossSum.item<double>() / count, (double)correct.item<long>() / count, count);
    }
}
