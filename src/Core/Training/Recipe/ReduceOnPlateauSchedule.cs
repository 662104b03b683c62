namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// torch's <c>ReduceLROnPlateau</c>, step for step: each observed epoch either sets a new best (beating
/// it by the threshold) or counts as bad; during a cooldown bad epochs are not counted; more than
/// <c>patience</c> bad epochs in a row multiply the rate by <c>factor</c> (not below <c>minRate</c>, and only
/// when the drop exceeds torch's <c>eps</c> of 1e-8), then start the cooldown. The rate holds for whole epochs.
/// </summary>
public sealed class ReduceOnPlateauSchedule : ILearningRateSchedule
{
    private const double Eps = 1e-8;
    private readonly PlateauSettings _settings;
    private double _rate;
    private double _best;
    private int _badEpochs;
    private int _cooldownLeft;

    public ReduceOnPlateauSchedule(double baseRate, PlateauSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(settings.Factor, 1.0);
        (_rate, _settings) = (baseRate, settings);
        _best = settings.Mode == MetricMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public double CurrentRate => _rate;

    public double RateFor(int epoch, int stepInEpoch, int stepsPerEpoch) => _rate;

    public void ObserveEpoch(int epoch, double? monitoredValue)
    {
        if (monitoredValue is not { } current)
        {
            throw new ArgumentNullException(nameof(monitoredValue), "Reduce-on-plateau needs the monitored metric of every epoch.");
        }
        if (IsBetter(current))
        {
            (_best, _badEpochs) = (current, 0);
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        if (_badEpochs > _settings.Patience)
        {
            var reduced = Math.Max(_rate * _settings.Factor, _settings.MinRate);
            _rate = _rate - reduced > Eps ? reduced : _rate;
            (_cooldownLeft, _badEpochs) = (_settings.Cooldown, 0);
        }
    }

    public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>
    {
        ["rate"] = _rate, ["best"] = _best, ["num_bad_epochs"] = _badEpochs, ["cooldown_counter"] = _cooldownLeft,
    };

    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        (_rate, _best, _badEpochs, _cooldownLeft) = (state["rate"], state["best"], (int)state["num_bad_epochs"], (int)state["cooldown_counter"]);
    }

    private bool IsBetter(double value) => (_settings.Mode, _settings.ThresholdMode) switch
    {
        (MetricMode.Min, ThresholdMode.Relative) => value < _best * (1 - _settings.Threshold),
        (MetricMode.Min, ThresholdMode.Absolute) => value < _best - _settings.Threshold,
        (MetricMode.Max, ThresholdMode.Relative) => value > _best * (1 + _settings.Threshold),
        _ => value > _best + _settings.Threshold,
    };
}
