using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class ReduceOnPlateauScheduleTests
{
    [Fact]
    public void The_rate_is_reduced_after_more_than_patience_bad_epochs_with_cooldown_and_floor_as_torch_does()
    {
        var schedule = new ReduceOnPlateauSchedule(1.0,
            new PlateauSettings(MetricMode.Min, Factor: 0.5, Patience: 2, Threshold: 0.1, Cooldown: 1, MinRate: 0.2));
        // Traced through torch's ReduceLROnPlateau.step (rel threshold: better means value < best * 0.9):
        //  e1 10   better (best inf)        best 10, bad 0            lr 1
        //  e2 9.5  not < 9                  bad 1                     lr 1
        //  e3 9.2  not < 9                  bad 2                     lr 1
        //  e4 9.1  not < 9                  bad 3 > 2: reduce         lr 0.5, cooldown 1, bad 0
        //  e5 9.3  bad 1, in cooldown       cooldown 0, bad 0         lr 0.5
        //  e6 9.3  bad 1;  e7 9.3 bad 2                               lr 0.5
        //  e8 9.3  bad 3 > 2: reduce                                  lr 0.25, cooldown 1
        //  e9 8.0  8 < 9: best 8; cooldown  cooldown 0, bad 0         lr 0.25
        //  e10 8, e11 8: bad 1, 2 (8 is not < 7.2)                    lr 0.25
        //  e12 8   bad 3: max(0.125, 0.2) = 0.2, 0.25 - 0.2 > 1e-8    lr 0.2, cooldown 1
        //  e13 8   cooldown: bad 0;  e14, e15: bad 1, 2               lr 0.2
        //  e16 8   bad 3: max(0.1, 0.2) = 0.2, a drop of 0, ignored    lr 0.2
        // torch 2.11.0's ReduceLROnPlateau with these settings produces the same 16 rates.
        double[] losses = [10, 9.5, 9.2, 9.1, 9.3, 9.3, 9.3, 9.3, 8, 8, 8, 8, 8, 8, 8, 8];
        double[] expected = [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2];

        var rates = new List<double>();
        for (var epoch = 1; epoch <= losses.Length; epoch++)
        {
            schedule.ObserveEpoch(epoch, losses[epoch - 1]);
            rates.Add(schedule.RateFor(epoch + 1, 0, 10));
        }

        Assert.Equal(expected, rates);
    }

    [Fact]
    public void In_max_mode_with_an_absolute_threshold_an_accuracy_must_rise_by_more_than_the_threshold()
    {
        var schedule = new ReduceOnPlateauSchedule(0.1,
            new PlateauSettings(MetricMode.Max, Factor: 0.1, Patience: 0, Threshold: 0.01, ThresholdMode: ThresholdMode.Absolute));

        schedule.ObserveEpoch(1, 0.50);
        Assert.Equal(0.1, schedule.CurrentRate);
        // 0.505 is not > 0.50 + 0.01: one bad epoch, more than a patience of 0.
        schedule.ObserveEpoch(2, 0.505);
        Assert.Equal(0.01, schedule.CurrentRate, 15);
        // 0.52 > 0.51: a new best, the rate stays.
        schedule.ObserveEpoch(3, 0.52);
        Assert.Equal(0.01, schedule.CurrentRate, 15);
    }

    [Fact]
    public void The_first_epoch_uses_the_base_rate_and_the_rate_holds_for_every_batch()
    {
        var schedule = new ReduceOnPlateauSchedule(0.3, new PlateauSettings());

        Assert.Equal(0.3, schedule.RateFor(1, 0, 10));
        Assert.Equal(0.3, schedule.RateFor(1, 9, 10));
    }

    [Fact]
    public void Observing_an_epoch_without_the_monitored_value_is_an_error()
    {
        var schedule = new ReduceOnPlateauSchedule(0.3, new PlateauSettings());

        Assert.Throws<ArgumentNullException>(() => schedule.ObserveEpoch(1, null));
    }
}
