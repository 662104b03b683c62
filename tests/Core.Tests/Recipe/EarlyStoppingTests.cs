using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void Training_stops_after_patience_epochs_that_do_not_beat_the_best_by_more_than_min_delta()
    {
        var stopping = new EarlyStopping(MetricNames.ValidationLoss, MetricMode.Min, patience: 2, minDelta: 0.1);

        // 1.0 improves on +inf; 0.95 is not below 1.0 - 0.1 (wait 1); 0.85 < 0.9 improves (wait 0);
        // 0.8 and 0.76 are not below 0.75 (wait 1, then 2 = patience: stop).
        var decisions = new[] { 1.0, 0.95, 0.85, 0.8, 0.76 }.Select((value, i) => stopping.ShouldStop(i + 1, value)).ToList();

        Assert.Equal([false, false, false, false, true], decisions);
        Assert.Equal(3, stopping.BestEpoch);
        Assert.Equal(0.85, stopping.BestValue);
    }

    [Fact]
    public void In_max_mode_an_accuracy_must_rise_and_an_improvement_resets_the_wait()
    {
        var stopping = new EarlyStopping(MetricNames.ValidationAccuracy, MetricMode.Max, patience: 2);

        var decisions = new[] { 0.5, 0.5, 0.6, 0.6, 0.59 }.Select((value, i) => stopping.ShouldStop(i + 1, value)).ToList();

        Assert.Equal([false, false, false, false, true], decisions);
        Assert.Equal(2, stopping.WaitCount);
    }

    [Fact]
    public void A_value_that_is_not_finite_stops_at_once()
    {
        var stopping = new EarlyStopping(MetricNames.TrainLoss, MetricMode.Min, patience: 10);

        Assert.False(stopping.ShouldStop(1, 2.0));
        Assert.True(stopping.ShouldStop(2, double.NaN));
    }

    [Fact]
    public void An_unknown_metric_or_a_negative_patience_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EarlyStopping("f1", MetricMode.Max, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(MetricNames.TrainLoss, MetricMode.Min, -1));
    }
}
