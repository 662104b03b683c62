using TrainingService.AshaBenchmark.Figures;

namespace TrainingService.Core.Tests.AshaBenchmarkFigures;

/// <summary>The ASHA benchmark's comparison: which trial is best, what a sweep cost, and the criterion.</summary>
public sealed class SweepComparisonTests
{
    private static TrialFigures Trial(int number, double? best, double seconds, int? stoppedAt = null, int epochs = 4) =>
        new(number, $"lr {number}", stoppedAt is null ? "Succeeded" : "Cancelled", epochs, best, best is null ? null : epochs, null, seconds, stoppedAt);

    private static readonly SweepFigures WithoutEarlyStopping = new("without", "Completed",
        [Trial(1, 0.95, 10), Trial(2, 0.981, 12), Trial(3, 0.60, 8)], WallSeconds: 20);

    [Fact]
    public void A_sweeps_best_trial_has_the_highest_validation_accuracy_and_the_lower_number_wins_a_tie()
    {
        var sweep = new SweepFigures("s", "Completed", [Trial(1, 0.90, 1), Trial(2, 0.97, 1), Trial(3, 0.97, 1), Trial(4, null, 0)], 5);

        Assert.Equal(2, sweep.Best!.TrialNumber);
    }

    [Fact]
    public void Training_seconds_are_every_trials_epoch_seconds_summed_and_the_stopped_trials_are_those_ASHA_stopped()
    {
        var asha = new SweepFigures("asha", "Completed", [Trial(1, 0.95, 10), Trial(2, 0.981, 12), Trial(3, 0.55, 2.5, stoppedAt: 1, epochs: 1)], 15);

        Assert.Equal(24.5, asha.TrainingSeconds, 9);
        Assert.Equal(9, asha.EpochsTrained);
        Assert.Equal([3], asha.Stopped.Select(t => t.TrialNumber));
    }

    [Fact]
    public void The_same_best_trial_with_less_training_meets_the_criterion_and_the_ratios_divide_ASHA_by_the_baseline()
    {
        var asha = new SweepFigures("asha", "Completed", [Trial(1, 0.95, 10), Trial(2, 0.981, 12), Trial(3, 0.55, 3, stoppedAt: 1, epochs: 1)], WallSeconds: 15);

        var comparison = SweepComparison.Of(WithoutEarlyStopping, asha);

        Assert.True(comparison.SameBestTrial);
        Assert.Equal(0, comparison.BestDifferencePoints, 9);
        Assert.Equal(25.0 / 30, comparison.TrainingSecondsRatio, 9);
        Assert.Equal(0.75, comparison.WallSecondsRatio, 9);
        Assert.True(comparison.MeetsCriterion);
    }

    [Fact]
    public void Another_best_trial_within_three_tenths_of_a_point_meets_the_criterion_and_one_further_off_does_not()
    {
        var close = new SweepFigures("close", "Completed", [Trial(1, 0.979, 10), Trial(2, 0.5, 1, stoppedAt: 1, epochs: 1)], 10);
        var far = new SweepFigures("far", "Completed", [Trial(1, 0.975, 10), Trial(2, 0.5, 1, stoppedAt: 1, epochs: 1)], 10);

        var closeComparison = SweepComparison.Of(WithoutEarlyStopping, close);
        var farComparison = SweepComparison.Of(WithoutEarlyStopping, far);

        Assert.False(closeComparison.SameBestTrial);
        Assert.Equal(-0.2, closeComparison.BestDifferencePoints, 9);
        Assert.True(closeComparison.MeetsCriterion);
        Assert.Equal(-0.6, farComparison.BestDifferencePoints, 9);
        Assert.False(farComparison.MeetsCriterion);
    }

    [Fact]
    public void The_same_best_trial_without_less_training_does_not_meet_the_criterion()
    {
        var noSaving = WithoutEarlyStopping with { Label = "asha" };

        Assert.False(SweepComparison.Of(WithoutEarlyStopping, noSaving).MeetsCriterion);
    }

    [Fact]
    public void A_sweep_without_any_validation_accuracy_cannot_be_compared()
    {
        var empty = new SweepFigures("empty", "Completed", [Trial(1, null, 0)], 3);

        Assert.Throws<ArgumentException>(() => SweepComparison.Of(empty, WithoutEarlyStopping));
        Assert.Throws<ArgumentException>(() => SweepComparison.Of(WithoutEarlyStopping, empty));
    }
}
