using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class StepScheduleTests
{
    [Fact]
    public void A_step_schedule_divides_the_rate_by_ten_every_30_epochs()
    {
        var schedule = new StepSchedule(0.1, stepSize: 30, gamma: 0.1);

        // torch's StepLR after e - 1 calls of step(): 0.1 * 0.1 ^ floor((e - 1) / 30).
        foreach (var epoch in new[] { 1, 2, 30, 31, 60, 61, 90, 91 })
        {
            var expected = 0.1 * Math.Pow(0.1, (epoch - 1) / 30);
            Assert.Equal(expected, schedule.RateFor(epoch, 0, 100), 15);
        }
        Assert.Equal(0.1, schedule.RateFor(30, 99, 100), 15);
        Assert.Equal(0.01, schedule.RateFor(31, 0, 100), 15);
        Assert.Equal(0.001, schedule.RateFor(61, 0, 100), 15);
    }

    [Fact]
    public void Every_batch_of_an_epoch_gets_the_same_rate()
    {
        var schedule = new StepSchedule(0.5, stepSize: 1, gamma: 0.5);

        var rates = Enumerable.Range(0, 10).Select(step => schedule.RateFor(3, step, 10)).Distinct();

        Assert.Equal([0.125], rates);
    }

    [Fact]
    public void An_exponential_schedule_multiplies_the_rate_by_gamma_after_every_epoch()
    {
        var schedule = new ExponentialSchedule(0.2, 0.9);

        foreach (var epoch in new[] { 1, 2, 5, 50 })
        {
            Assert.Equal(0.2 * Math.Pow(0.9, epoch - 1), schedule.RateFor(epoch, 0, 1), 15);
        }
    }

    [Fact]
    public void A_constant_schedule_keeps_the_rate_and_ignores_metrics()
    {
        var schedule = new ConstantSchedule(0.05);
        schedule.ObserveEpoch(1, 123.0);

        Assert.Equal(0.05, schedule.RateFor(1, 0, 10));
        Assert.Equal(0.05, schedule.RateFor(500, 9, 10));
    }
}
