namespace TrainingService.Core.Training;

/// <summary>The training loss stopped being a finite number; going on would only store garbage weights.</summary>
public sealed class TrainingDivergedException(int epoch, double loss, double learningRate)
    : Exception($"Training diverged in epoch {epoch}: the training loss is {loss} at learning rate {learningRate}. "
        + "Lower the learning rate, add gradient clipping (hyperparameters.gradientClipNorm) or use a schedule with warm-up.")
{
    public int Epoch { get; } = epoch;
}
