using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using TrainingService.Contracts.Jobs;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed partial class StepLossChartTests : IDisposable
{
    // Uneven steps and spreads, so a plot of the wrong figure or an evenly spaced axis cannot pass.
    private static readonly StepSeriesResource Series = new(8, 0, 8,
        [new(0, 2.3f, 2.2f, 2.4f, 2), new(2, 1.5f, 1.0f, 1.9f, 4), new(6, 0.7f, 0.6f, 1.2f, 2)]);

    private readonly DashboardContext context = new();

    [Fact]
    public void The_step_loss_chart_plots_the_mean_loss_of_every_bucket()
    {
        var chart = Render(Series);

        var mean = Vertices(chart.Find(".rz-line-series path").GetAttribute("d"));
        var (top, bottom) = Band(chart);

        Assert.Equal(Series.Points.Count, mean.Count);
        for (var i = 0; i < mean.Count; i++)
        {
            var point = Series.Points[i];
            Assert.Equal(((double)point.Mean - point.Min) / ((double)point.Max - point.Min), (bottom[i].Y - mean[i].Y) / (bottom[i].Y - top[i].Y), precision: 6);
        }
    }

    [Fact]
    public void The_step_loss_chart_puts_each_bucket_at_its_step()
    {
        var mean = Vertices(Render(Series).Find(".rz-line-series path").GetAttribute("d"));

        var lastStep = (double)Series.Points[^1].Step;
        Assert.Equal(
            Series.Points.Select(p => Math.Round(p.Step / lastStep, 6)),
            mean.Select(v => Math.Round((v.X - mean[0].X) / (mean[^1].X - mean[0].X), 6)));
    }

    [Fact]
    public void The_step_loss_chart_shades_the_range_from_min_to_max_of_every_bucket()
    {
        var (top, bottom) = Band(Render(Series));

        var spreads = top.Zip(bottom, (t, b) => b.Y - t.Y).ToList();
        var expected = Series.Points.Select(p => (double)p.Max - p.Min).ToList();
        Assert.Equal(expected[1] / expected[0], spreads[1] / spreads[0], precision: 6);
        Assert.Equal(expected[2] / expected[0], spreads[2] / spreads[0], precision: 6);
    }

    [Fact]
    public void The_step_loss_chart_says_how_many_steps_each_point_stands_for()
    {
        var chart = Render(new StepSeriesResource(12_000, 0, 12_000, [new(0, 2.0f, 1.0f, 3.0f, 6_000), new(6_000, 1.0f, 0.5f, 1.5f, 6_000)]));

        Assert.Contains("mean of about 6,000", chart.Find(".chart-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_short_enough_for_one_step_per_point_draws_its_mean_without_a_band()
    {
        // Min, mean and max coincide; a band would draw two identical outlines, which Radzen keys by path and Blazor refuses.
        var chart = Render(new StepSeriesResource(3, 0, 3, [new(0, 2.3f, 2.3f, 2.3f, 1), new(1, 1.9f, 1.9f, 1.9f, 1), new(2, 1.2f, 1.2f, 1.2f, 1)]));

        Assert.Equal(3, Vertices(chart.Find(".rz-line-series path").GetAttribute("d")).Count);
        Assert.Empty(chart.FindAll(".rz-range-area-series"));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<StepLossChart> Render(StepSeriesResource series) =>
        context.Render<StepLossChart>(p => p.Add(c => c.Series, series));

    /// <summary>The band's two boundary lines (its fill is the closed path), told apart by position since SVG's y grows downwards.</summary>
    private static (List<(double X, double Y)> Top, List<(double X, double Y)> Bottom) Band(IRenderedComponent<StepLossChart> chart)
    {
        var lines = chart.FindAll(".rz-range-area-series path")
            .Select(p => p.GetAttribute("d") ?? "")
            .Where(d => !d.TrimEnd().EndsWith('Z'))
            .Select(Vertices)
            .ToList();
        Assert.Equal(2, lines.Count);
        var top = lines[0].Zip(lines[1], (a, b) => a.Y < b.Y ? a : b).ToList();
        var bottom = lines[0].Zip(lines[1], (a, b) => a.Y < b.Y ? b : a).ToList();
        return (top, bottom);
    }

    private static List<(double X, double Y)> Vertices(string? path) =>
        [.. Vertex().Matches(path ?? "").Select(m => (Number(m.Groups[1].Value), Number(m.Groups[2].Value)))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[ML] (-?[\d.]+) (-?[\d.]+)")]
    private static partial Regex Vertex();
}
