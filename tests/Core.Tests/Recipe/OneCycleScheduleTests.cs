using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

/// <summary>
/// Values derived by hand from torch's OneCycleLR with max_lr=1, total_steps=10 and the defaults
/// pct_start=0.3, div_factor=25, final_div_factor=1e4, anneal_strategy='cos':
/// initial_lr = 1/25 = 0.04, min_lr = 0.04/1e4 = 4e-6; phase 1 ends at step 0.3*10 - 1 = 2,
/// phase 2 at step 9; _annealing_cos(a, b, pct) = b + (a - b)/2 * (cos(pi*pct) + 1).
/// torch 2.11.0's OneCycleLR, stepped 9 times, gives these same values to the last digit shown.
/// </summary>
public sealed class OneCycleScheduleTests
{
    private readonly OneCycleSchedule _schedule = new(maxRate: 1, totalSteps: 10);

    [Fact]
    public void The_rate_rises_from_a_25th_of_the_peak_to_the_peak_over_the_first_30_percent_of_steps()
    {
        // step 0: pct 0, cos 0 + 1 = 2 -> 0.04.
        Assert.Equal(0.04, _schedule.RateAt(0), 12);
        // step 1: pct 1/2, cos(pi/2) + 1 = 1 -> 1 + (0.04 - 1)/2 = 0.52.
        Assert.Equal(0.52, _schedule.RateAt(1), 12);
        // step 2: pct 1, cos(pi) + 1 = 0 -> 1.
        Assert.Equal(1.0, _schedule.RateAt(2), 12);
    }

    [Fact]
    public void The_rate_then_anneals_to_the_starting_rate_divided_by_ten_thousand_at_the_last_step()
    {
        // step 3: phase 2, pct = (3 - 2)/(9 - 2) = 1/7 -> 4e-6 + (1 - 4e-6)/2 * (cos(pi/7) + 1) = 0.950484632...
        Assert.Equal(0.9504846320134737, _schedule.RateAt(3), 12);
        // step 6: pct 4/7 -> 0.388741978...
        Assert.Equal(0.38874197806371075, _schedule.RateAt(6), 12);
        // step 9: pct 1 -> min_lr.
        Assert.Equal(4e-6, _schedule.RateAt(9), 15);
    }

    [Fact]
    public void Epochs_and_batches_map_to_torchs_global_step_count()
    {
        // 2 epochs of 5 batches: batch 1 of epoch 2 is global step 5 + 1 = 6.
        Assert.Equal(_schedule.RateAt(6), _schedule.RateFor(2, 1, 5));
        Assert.Equal(_schedule.RateAt(0), _schedule.RateFor(1, 0, 5));
    }

    [Fact]
    public void Steps_past_the_end_keep_the_final_rate_where_torch_would_raise()
    {
        Assert.Equal(_schedule.RateAt(9), _schedule.RateAt(10));
        Assert.Equal(_schedule.RateAt(9), _schedule.RateAt(1_000));
    }

    [Fact]
    public void Other_settings_follow_the_same_formula()
    {
        var schedule = new OneCycleSchedule(maxRate: 0.5, totalSteps: 100, pctStart: 0.25, divFactor: 10, finalDivFactor: 100);
        double initial = 0.05, final = 0.0005, peakStep = 24;

        Assert.Equal(initial, schedule.RateAt(0), 12);
        // Half-way up the cosine is the mean of its ends.
        Assert.Equal((initial + 0.5) / 2, schedule.RateAt(12), 12);
        Assert.Equal(0.5, schedule.RateAt(24), 12);
        var pct = (60 - peakStep) / (99 - peakStep);
        Assert.Equal(final + (0.5 - final) / 2 * (Math.Cos(Math.PI * pct) + 1), schedule.RateAt(60), 12);
        Assert.Equal(final, schedule.RateAt(99), 12);
    }
}
