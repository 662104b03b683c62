using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class MultiStepScheduleTests
{
    [Fact]
    public void Each_milestone_lowers_the_rate_from_the_epoch_after_it()
    {
        var schedule = new MultiStepSchedule(0.05, [30, 80], gamma: 0.1);

        // torch's example: lr = 0.05 while last_epoch < 30, 0.005 while 30 <= last_epoch < 80, then 0.0005;
        // our epoch e has last_epoch = e - 1.
        Assert.Equal(0.05, schedule.RateFor(1, 0, 1), 15);
        Assert.Equal(0.05, schedule.RateFor(30, 0, 1), 15);
        Assert.Equal(0.005, schedule.RateFor(31, 0, 1), 15);
        Assert.Equal(0.005, schedule.RateFor(80, 0, 1), 15);
        Assert.Equal(0.0005, schedule.RateFor(81, 0, 1), 15);
    }

    [Fact]
    public void Milestones_given_out_of_order_mean_the_same_as_sorted()
    {
        var sorted = new MultiStepSchedule(1, [2, 5], 0.5);
        var unsorted = new MultiStepSchedule(1, [5, 2], 0.5);

        var epochs = Enumerable.Range(1, 8).ToArray();

        Assert.Equal(epochs.Select(e => sorted.RateFor(e, 0, 1)), epochs.Select(e => unsorted.RateFor(e, 0, 1)));
        Assert.Equal([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25], epochs.Select(e => sorted.RateFor(e, 0, 1)));
    }
}
