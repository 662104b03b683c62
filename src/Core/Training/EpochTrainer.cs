using System.Diagnostics;
using TrainingService.Core.Datasets;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// One training epoch, synchronous on the calling thread (dispose scopes are thread-static). The
/// schedule sets the rate before every step; loss and hits accumulate on the device and are read
/// back only when progress is reported, so a GPU is not made to wait each batch. A stop request is
/// honoured at the next batch boundary: the epoch returns unfinished, and can be continued from what
/// it returned.
/// </summary>
public sealed class EpochTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Device device, TimeSpan progressInterval, TrainingStepSettings settings)
{
    public double LastLearningRate { get; set; }

    public EpochProgress Train(BatchLoader loader, int epoch, EpochProgress start, ITrainingObserver observer, CancellationToken stop)
    {
        model.train();
        var clock = Stopwatch.StartNew();
        using var lossSum = tensor(start.LossSum, dtype: float64, device: device);
        using var correct = tensor(start.Correct, dtype: int64, device: device);
        var recorder = new StepLossRecorder();
        recorder.Append(start.StepLosses);
        using var steps = new StepLossBuffer(recorder, Math.Max(1, loader.BatchesPerEpoch), device);
        var count = start.Count;
        var sinceReport = Stopwatch.StartNew();
        var done = BatchLoop.Until(loader, epoch - 1, start.BatchesDone, stop, (index, images, labels) =>
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
        return new EpochProgress(done, lossSum.item<double>(), correct.item<long>(), count,
            start.TrainSeconds + clock.Elapsed.TotalSeconds, recorder.Slice(0, recorder.Count));
    }
}
