using TrainingService.Core.Jobs;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Training;

/// <summary>
/// The per-epoch decisions of a job: which epoch's weights are the best, what a plateau schedule
/// watches, and when to stop early. Without a validation split, validation metrics fall back to
/// their training counterparts.
/// </summary>
public sealed class EpochPolicy
{
    private readonly CheckpointSelection _selection;
    private readonly EarlyStopping? _stopping;
    private readonly string? _scheduleMetric;

    public EpochPolicy(Hyperparameters h, bool hasValidation)
    {
        string Metric(string name) => hasValidation ? name : MetricNames.WithoutValidation(name);
        _selection = new CheckpointSelection(Metric(h.CheckpointMetric), h.CheckpointMode);
        _stopping = h.EarlyStopping is { } es ? new EarlyStopping(Metric(es.Metric), es.Mode, es.Patience, es.MinDelta) : null;
        _scheduleMetric = ScheduleFactory.MonitoredMetric(h.Schedule) is { } monitored ? Metric(monitored) : null;
    }

    public int BestEpoch => _selection.BestEpoch;

    public bool IsBest(EpochMetrics metrics) => _selection.Offer(metrics.Epoch, Read(_selection.Metric, metrics) ?? double.NaN);

    public double? ScheduleSignal(EpochMetrics metrics) => _scheduleMetric is null ? null : Read(_scheduleMetric, metrics);

    public bool ShouldStop(EpochMetrics metrics) =>
        _stopping is not null && _stopping.ShouldStop(metrics.Epoch, Read(_stopping.Metric, metrics) ?? double.NaN);

    public EpochPolicyState SaveState() => new(_selection.BestEpoch, _selection.BestValue,
        _stopping is null ? null : new EarlyStoppingState(_stopping.BestValue, _stopping.BestEpoch, _stopping.WaitCount));

    public void LoadState(EpochPolicyState state)
    {
        _selection.Restore(state.BestEpoch, state.BestValue);
        if (_stopping is not null && state.EarlyStopping is { } stopping)
        {
            _stopping.Restore(stopping.BestValue, stopping.BestEpoch, stopping.WaitCount);
        }
    }

    private static double? Read(string metric, EpochMetrics metrics) => MetricValues.Read(metric, metrics, metrics.ValidationTop5Accuracy);
}
