namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Optional linear warm-up, then torch's <c>CosineAnnealingLR</c>. The warm-up rises per batch over
/// <c>warmupEpochs</c> epochs from <c>base / warmupSteps</c> (starting at a true 0 would waste a step)
/// to <c>base</c> at the last warm-up batch. After it, epoch <c>e</c> takes torch's closed form
/// <c>min + (base - min) * (1 + cos(pi * t / T)) / 2</c> with <c>t = e - 1 - warmupEpochs</c> and
/// <c>T = totalEpochs - warmupEpochs</c>: like torch it starts at <c>base</c> and never quite reaches
/// <c>min</c> within <c>T</c> epochs, since <c>t</c> stops at <c>T - 1</c>.
/// </summary>
public sealed class CosineSchedule : ILearningRateSchedule
{
    private readonly double _baseRate;
    private readonly int _totalEpochs;
    private readonly double _minRate;
    private readonly int _warmupEpochs;

    public CosineSchedule(double baseRate, int totalEpochs, double minRate = 0, int warmupEpochs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupEpochs);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(totalEpochs, warmupEpochs);
        (_baseRate, _totalEpochs, _minRate, _warmupEpochs) = (baseRate, totalEpochs, minRate, warmupEpochs);
    }

    public double RateFor(int epoch, int stepInEpoch, int stepsPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        if (epoch <= _warmupEpochs)
        {
            var step = (long)(epoch - 1) * stepsPerEpoch + stepInEpoch;
            var warmupSteps = (long)_warmupEpochs * stepsPerEpoch;
            return _baseRate * (step + 1) / warmupSteps;
        }
        var t = epoch - 1 - _warmupEpochs;
        var period = _totalEpochs - _warmupEpochs;
        return _minRate + (_baseRate - _minRate) * (1 + Math.Cos(Math.PI * t / period)) / 2;
    }

    public void ObserveEpoch(int epoch, double? monitoredValue)
    {
    }
}
