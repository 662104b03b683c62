using Bunit;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class NiceAxisTests : IDisposable
{
    private readonly DashboardContext context = new();

    [Fact]
    public void A_narrow_loss_range_gets_distinct_ticks_with_the_decimals_they_need()
    {
        var axis = NiceAxis.For([0.03812, 0.03835, 0.03841, 0.03826]);

        Assert.Equal(["0.0381", "0.0382", "0.0383", "0.0384", "0.0385"], axis.Labels);
        Assert.Equal("{0:F4}", axis.FormatString);
    }

    [Theory]
    [InlineData(0.0, 2.31, 0.5, 1)]
    [InlineData(0.6, 2.4, 0.5, 1)]
    [InlineData(0.12, 0.37, 0.1, 1)]
    [InlineData(0.12, 0.34, 0.05, 2)]
    [InlineData(1, 1000, 200, 0)]
    [InlineData(0.0381, 0.0384, 0.0001, 4)]
    public void The_step_is_one_two_two_and_a_half_or_five_times_a_power_of_ten(double low, double high, double step, int decimals)
    {
        var axis = NiceAxis.For([low, high]);

        Assert.Equal(step, axis.Step, precision: 12);
        Assert.Equal(decimals, axis.Decimals);
        Assert.True(axis.Ticks.Count <= 6);
        Assert.Equal(axis.Ticks.Count, axis.Labels.Distinct().Count());
    }

    [Fact]
    public void A_single_value_sits_between_ticks_and_no_values_still_make_an_axis()
    {
        var one = NiceAxis.For([0.0382, 0.0382]);
        Assert.True(one.Min < 0.0382 && one.Max > 0.0382);
        Assert.Equal(one.Labels.Count, one.Labels.Distinct().Count());

        Assert.Equal((0.0, 1.0), (NiceAxis.For([]).Min, NiceAxis.For([]).Max));
    }

    [Fact]
    public void The_batch_chart_labels_both_axes_and_repeats_no_loss_tick()
    {
        var points = Enumerable.Range(1, 30).Select(b => new BatchPoint(b, 0.0381 + (b % 4 * 0.0001), 0.9)).ToList();

        var chart = context.Render<BatchLossChart>(p => p.Add(c => c.Points, points).Add(c => c.Epoch, 3));

        var texts = chart.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("loss", texts);
        Assert.Contains("batch", texts);
        var ticks = texts.Where(t => t.StartsWith("0.03", StringComparison.Ordinal)).ToList();
        Assert.True(ticks.Count >= 3, string.Join(", ", texts));
        Assert.Equal(ticks.Count, ticks.Distinct().Count());
    }

    public void Dispose() => context.Dispose();
}
