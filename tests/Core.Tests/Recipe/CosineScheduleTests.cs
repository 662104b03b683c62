using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class CosineScheduleTests
{
    private static double TorchCosine(double baseRate, double minRate, int t, int period) =>
        minRate + (baseRate - minRate) * (1 + Math.Cos(Math.PI * t / period)) / 2;

    [Fact]
    public void Without_warm_up_each_epoch_takes_torchs_cosine_annealing_closed_form()
    {
        var schedule = new CosineSchedule(0.1, totalEpochs: 10, minRate: 0.001);

        foreach (var epoch in Enumerable.Range(1, 10))
        {
            Assert.Equal(TorchCosine(0.1, 0.001, epoch - 1, 10), schedule.RateFor(epoch, 3, 7), 15);
        }
        Assert.Equal(0.1, schedule.RateFor(1, 0, 7), 15);
        // Half-way the cosine term is 0: the mean of the two ends.
        Assert.Equal(0.0505, schedule.RateFor(6, 0, 7), 15);
    }

    [Fact]
    public void Warm_up_rises_linearly_per_batch_to_the_base_rate_then_annealing_starts_from_it()
    {
        var schedule = new CosineSchedule(0.1, totalEpochs: 10, minRate: 0.001, warmupEpochs: 2);

        // 2 warm-up epochs of 4 batches: global step s (0..7) gets 0.1 * (s + 1) / 8.
        Assert.Equal(0.0125, schedule.RateFor(1, 0, 4), 15);
        Assert.Equal(0.05, schedule.RateFor(1, 3, 4), 15);
        Assert.Equal(0.0625, schedule.RateFor(2, 0, 4), 15);
        Assert.Equal(0.1, schedule.RateFor(2, 3, 4), 15);
        // Then T = 10 - 2 = 8 epochs of annealing with t = e - 1 - 2.
        Assert.Equal(0.1, schedule.RateFor(3, 0, 4), 15);
        Assert.Equal(0.0505, schedule.RateFor(7, 2, 4), 15);
        Assert.Equal(TorchCosine(0.1, 0.001, 7, 8), schedule.RateFor(10, 3, 4), 15);
    }

    [Fact]
    public void A_warm_up_that_leaves_no_epoch_to_anneal_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(0.1, totalEpochs: 3, warmupEpochs: 3));
    }
}
