using TrainingService.Core.Datasets;
using TrainingService.Core.Training.Evaluation;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Training;

/// <summary>Mean loss, accuracy and top-5 of a model over a split, in eval mode without gradients; optionally fills a confusion matrix.</summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(nn.Module<Tensor, Tensor> model, BatchLoader loader, Device device, int numClasses,
        CancellationToken cancellationToken, ConfusionMatrix? confusion = null)
    {
        model.eval();
        using var noGrad = no_grad();
        using var lossSum = zeros(1, dtype: float64, device: device);
        using var correct = zeros(1, dtype: int64, device: device);
        using var top5 = TopKAccuracy.AppliesTo(numClasses) ? new TopKAccuracy(5, device) : null;
        long count = 0;
        BatchLoop.ForEach(loader, 0, cancellationToken, (_, images, labels) =>
        {
            var logits = model.call(images);
            lossSum.add_(F.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).to(float64));
            correct.add_(logits.argmax(1).eq(labels).sum());
            top5?.Add(logits, labels);
            confusion?.Add(logits, labels);
            count += labels.shape[0];
        });
        if (count == 0)
        {
            return new EvaluationResult(double.NaN, double.NaN, 0);
        }
        return new EvaluationResult(lossSum.item<double>() / count, (double)correct.item<long>() / count, count, top5?.Read());
    }
}
