using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class ScheduleFactoryTests
{
    [Fact]
    public void No_schedule_means_the_jobs_rate_throughout()
    {
        var schedule = ScheduleFactory.Create(null, 0.05, epochs: 3, stepsPerEpoch: 10);

        Assert.Equal(0.05, schedule.RateFor(3, 9, 10));
    }

    [Fact]
    public void Each_kind_becomes_its_schedule_with_torchs_defaults_for_what_is_left_out()
    {
        Assert.IsType<ConstantSchedule>(ScheduleFactory.Create(new ScheduleSpec("constant"), 0.1, 10, 5));
        var step = ScheduleFactory.Create(new ScheduleSpec("Step") { StepSize = 3 }, 0.1, 10, 5);
        Assert.Equal(0.01, step.RateFor(4, 0, 5), 15);
        var multi = ScheduleFactory.Create(new ScheduleSpec("multistep") { Milestones = [2, 4], Gamma = 0.5 }, 0.1, 10, 5);
        Assert.Equal(0.025, multi.RateFor(5, 0, 5), 15);
        var exponential = ScheduleFactory.Create(new ScheduleSpec("exponential") { Gamma = 0.5 }, 0.1, 10, 5);
        Assert.Equal(0.025, exponential.RateFor(3, 0, 5), 15);
        var cosine = ScheduleFactory.Create(new ScheduleSpec("cosine"), 0.1, 10, 5);
        Assert.Equal(0.05, cosine.RateFor(6, 0, 5), 15);
        var oneCycle = ScheduleFactory.Create(new ScheduleSpec("onecycle"), 0.1, 2, 5);
        Assert.Equal(0.1 / 25, oneCycle.RateFor(1, 0, 5), 15);
        Assert.Equal(0.1, oneCycle.RateFor(1, 2, 5), 15);
        Assert.IsType<ReduceOnPlateauSchedule>(ScheduleFactory.Create(new ScheduleSpec("reduce_on_plateau"), 0.1, 10, 5));
    }

    [Fact]
    public void Only_reduce_on_plateau_watches_a_metric_and_by_default_it_is_the_validation_loss()
    {
        Assert.Equal(MetricNames.ValidationLoss, ScheduleFactory.MonitoredMetric(new ScheduleSpec("reduce_on_plateau")));
        Assert.Equal(MetricNames.TrainLoss, ScheduleFactory.MonitoredMetric(new ScheduleSpec("reduce_on_plateau") { Monitor = "train_loss" }));
        Assert.Null(ScheduleFactory.MonitoredMetric(new ScheduleSpec("cosine")));
        Assert.Null(ScheduleFactory.MonitoredMetric(null));
    }

    [Fact]
    public void A_plateau_watching_an_accuracy_reduces_when_the_accuracy_stops_rising()
    {
        var schedule = ScheduleFactory.Create(new ScheduleSpec("reduce_on_plateau") { Monitor = "validation_accuracy", Patience = 0 }, 0.1, 10, 5);

        schedule.ObserveEpoch(1, 0.9);
        schedule.ObserveEpoch(2, 0.95);
        Assert.Equal(0.1, schedule.RateFor(3, 0, 5));
        schedule.ObserveEpoch(3, 0.94);
        Assert.Equal(0.01, schedule.RateFor(4, 0, 5), 15);
    }

    [Fact]
    public void Creating_a_refused_schedule_throws_with_every_reason()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ScheduleFactory.Create(new ScheduleSpec("step") { Gamma = 0 }, 0.1, 10, 5));

        Assert.Contains("schedule.stepSize is required.", error.Message);
        Assert.Contains("schedule.gamma must be greater than 0", error.Message);
    }
}
