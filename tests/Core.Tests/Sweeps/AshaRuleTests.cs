using TrainingService.Core.Sweeps;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Sweeps;

public sealed class AshaRuleTests
{
    [Theory]
    [InlineData(1, 4, 16, new[] { 1, 4 })]
    [InlineData(1, 4, 17, new[] { 1, 4, 16 })]
    [InlineData(1, 2, 9, new[] { 1, 2, 4, 8 })]
    [InlineData(2, 3, 20, new[] { 2, 6, 18 })]
    [InlineData(1, 2, 2, new[] { 1 })]
    [InlineData(3, 2, 3, new int[0])]
    public void Rungs_are_grace_period_times_powers_of_the_reduction_factor_below_the_trials_epochs(int grace, int factor, int epochs, int[] milestones) =>
        Assert.Equal(milestones, new AshaRule(grace, factor, MetricMode.Max).Milestones(epochs));

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.75, 3.25)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 0.5, 2.5)]
    [InlineData(new[] { 5.0 }, 0.75, 5.0)]
    [InlineData(new[] { 0.2, 0.9 }, 0.75, 0.725)]
    [InlineData(new[] { 1.0, double.NaN, 3.0 }, 0.5, 2.0)]
    public void The_quantile_interpolates_linearly_between_ranks_as_numpy_does(double[] values, double q, double expected) =>
        Assert.Equal(expected, AshaRule.Quantile(values, q), 12);

    /// <summary>
    /// Five trials reach rung 1 in turn, reduction factor 4, so the cutoff is the 75th percentile of the values already there
    /// (numpy.percentile with linear interpolation); a value below it is stopped, and then recorded either way.
    /// <code>
    /// trial  value  recorded before          cutoff                                  decision
    /// A      0.50   —                         —                                       go on (first at the rung)
    /// B      0.60   [0.50]                    0.50                                    go on (0.60 ≥ 0.50)
    /// C      0.55   [0.50, 0.60]              0.50 + 0.75 × 0.10 = 0.575              stop  (0.55 &lt; 0.575)
    /// D      0.58   [0.50, 0.55, 0.60]        rank 1.5: 0.55 + 0.5 × 0.05 = 0.575     go on (0.58 ≥ 0.575)
    /// E      0.57   [0.50, 0.55, 0.58, 0.60]  rank 2.25: 0.58 + 0.25 × 0.02 = 0.585   stop  (0.57 &lt; 0.585)
    /// </code>
    /// </summary>
    [Fact]
    public void A_hand_checked_rung_stops_the_trials_below_the_top_quarter_of_those_before_them()
    {
        var rule = new AshaRule(1, 4, MetricMode.Max);
        var recorded = new List<double>();
        var decisions = new List<(bool Stop, double? Cutoff)>();
        foreach (var value in new[] { 0.50, 0.60, 0.55, 0.58, 0.57 })
        {
            var decision = rule.Decide(recorded, value);
            decisions.Add((decision.Stop, decision.Cutoff is { } c ? Math.Round(c, 6) : null));
            recorded.Add(value);
        }

        Assert.Equal([(false, null), (false, 0.5), (true, 0.575), (false, 0.575), (true, 0.585)], decisions);
    }

    /// <summary>
    /// The same with a loss (mode min), reduction factor 2: the values are mirrored, so the cutoff is the median and a value
    /// above it is stopped.
    /// <code>
    /// trial  loss   recorded before      cutoff                      decision
    /// A      0.40   —                     —                           go on
    /// B      0.50   [0.40]                0.40                        stop  (0.50 &gt; 0.40)
    /// C      0.30   [0.40, 0.50]          median 0.45                 go on (0.30 ≤ 0.45)
    /// D      0.42   [0.30, 0.40, 0.50]    median 0.40                 stop  (0.42 &gt; 0.40)
    /// E      0.35   [0.30, 0.40, 0.42, 0.50]  (0.40 + 0.42) / 2 = 0.41  go on (0.35 ≤ 0.41)
    /// </code>
    /// </summary>
    [Fact]
    public void In_min_mode_the_rule_is_mirrored_and_stops_the_larger_losses()
    {
        var rule = new AshaRule(1, 2, MetricMode.Min);
        var recorded = new List<double>();
        var decisions = new List<(bool Stop, double? Cutoff)>();
        foreach (var value in new[] { 0.40, 0.50, 0.30, 0.42, 0.35 })
        {
            var decision = rule.Decide(recorded, value);
            decisions.Add((decision.Stop, decision.Cutoff is { } c ? Math.Round(c, 6) : null));
            recorded.Add(value);
        }

        Assert.Equal([(false, null), (true, 0.4), (false, 0.45), (true, 0.4), (false, 0.41)], decisions);
    }

    [Fact]
    public void A_value_equal_to_the_cutoff_goes_on_and_a_diverged_one_is_stopped()
    {
        var rule = new AshaRule(1, 2, MetricMode.Max);

        Assert.False(rule.Decide([0.5], 0.5).Stop);
        Assert.True(rule.Decide([0.5], double.NaN).Stop);
    }
}
