namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// A learning-rate schedule computed by us rather than by TorchSharp's schedulers, so that the rate of
/// any batch is a formula a test can check and is the same on every device. Epochs count from 1 and
/// steps within an epoch from 0; an epoch-based schedule gives epoch <c>e</c> the rate torch's scheduler
/// gives after <c>e - 1</c> calls of <c>step()</c>, and the same rate to every batch of that epoch.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>The rate to set before the optimizer step of this batch.</summary>
    double RateFor(int epoch, int stepInEpoch, int stepsPerEpoch);

    /// <summary>
    /// Called once after each epoch has been trained and evaluated, before the next epoch's first
    /// <see cref="RateFor"/>. Only schedules that react to a metric use the value; null means none was measured.
    /// </summary>
    void ObserveEpoch(int epoch, double? monitoredValue);

    /// <summary>What the schedule has learnt from observed epochs, for a training checkpoint; empty for schedules that are formulas of the step.</summary>
    IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>();

    /// <summary>Restores what <see cref="SaveState"/> returned.</summary>
    void LoadState(IReadOnlyDictionary<string, double> state)
    {
    }
}
