using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// The training loss. Label smoothing is libtorch's own (<c>cross_entropy(..., label_smoothing)</c>): the
/// target is <c>(1 - e)</c> on the true class plus <c>e / C</c> spread over all <c>C</c> classes.
/// </summary>
public static class LossFunction
{
    public static Tensor CrossEntropy(Tensor logits, Tensor labels, double labelSmoothing = 0)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be between 0 and 1.");
        }
        return F.cross_entropy(logits, labels, label_smoothing: labelSmoothing);
    }
}
