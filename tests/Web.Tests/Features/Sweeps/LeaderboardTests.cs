using TrainingService.Web.Features.Sweeps;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class LeaderboardTests
{
    private static readonly IReadOnlyList<TrainingService.Contracts.Sweeps.SweepTrialResource> Trials =
    [
        SweepSamples.Trial(1, 0.91),
        SweepSamples.Trial(2, null, status: "Queued"),
        SweepSamples.Trial(3, 0.97),
        SweepSamples.Trial(4, double.NaN, status: "Failed"),
        SweepSamples.Trial(5, 0.91),
        SweepSamples.Trial(6, 0.42, status: "Cancelled", reason: "stopped by ASHA at rung 1"),
    ];

    [Fact]
    public void In_max_mode_the_highest_value_leads_ties_keep_trial_order_and_trials_without_a_value_follow()
    {
        Assert.Equal([3, 1, 5, 6, 2, 4], Leaderboard.Rank(Trials, "max").Select(t => t.TrialNumber));
    }

    [Fact]
    public void In_min_mode_the_lowest_value_leads()
    {
        Assert.Equal([6, 1, 5, 3, 2, 4], Leaderboard.Rank(Trials, "min").Select(t => t.TrialNumber));
    }
}
