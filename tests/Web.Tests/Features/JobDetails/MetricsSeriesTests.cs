using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class MetricsSeriesTests
{
    [Fact]
    public void History_in_any_order_comes_out_ordered_by_epoch()
    {
        var series = new MetricsSeries();

        series.Merge([Samples.Metric(3), Samples.Metric(1), Samples.Metric(2)]);

        Assert.Equal([1, 2, 3], series.Points.Select(p => p.Epoch));
        Assert.Equal(3, series.LastEpoch);
    }

    [Fact]
    public void Live_point_after_history_is_appended()
    {
        var series = new MetricsSeries();
        series.Merge([Samples.Metric(1), Samples.Metric(2)]);

        var changed = series.Merge(Samples.Metric(3));

        Assert.True(changed);
        Assert.Equal([1, 2, 3], series.Points.Select(p => p.Epoch));
    }

    [Fact]
    public void Refetched_history_overlapping_live_points_adds_no_duplicates()
    {
        var series = new MetricsSeries();
        series.Merge([Samples.Metric(1), Samples.Metric(2)]);
        series.Merge(Samples.Metric(3));
        var before = series.Points;

        var changed = series.Merge([Samples.Metric(1), Samples.Metric(2), Samples.Metric(3)]);

        Assert.False(changed);
        Assert.Same(before, series.Points);
        Assert.Equal([1, 2, 3], series.Points.Select(p => p.Epoch));
    }

    [Fact]
    public void History_fills_the_gap_a_disconnect_left_between_live_points()
    {
        var series = new MetricsSeries();
        series.Merge(Samples.Metric(1));
        series.Merge(Samples.Metric(4));

        series.Merge([Samples.Metric(1), Samples.Metric(2), Samples.Metric(3), Samples.Metric(4)]);

        Assert.Equal([1, 2, 3, 4], series.Points.Select(p => p.Epoch));
    }

    [Fact]
    public void Later_recording_of_an_epoch_replaces_the_earlier_one_but_not_the_reverse()
    {
        var series = new MetricsSeries();
        series.Merge(Samples.Metric(2, minute: 10, trainLoss: 0.7));

        series.Merge(Samples.Metric(2, minute: 5, trainLoss: 0.9));
        Assert.Equal(0.7, Assert.Single(series.Points).TrainLoss);

        series.Merge(Samples.Metric(2, minute: 20, trainLoss: 0.4));
        Assert.Equal(0.4, Assert.Single(series.Points).TrainLoss);
    }

    [Fact]
    public void Every_change_publishes_a_new_list_so_charts_notice_it()
    {
        var series = new MetricsSeries();
        series.Merge(Samples.Metric(1));
        var first = series.Points;

        series.Merge(Samples.Metric(2));

        Assert.NotSame(first, series.Points);
        Assert.Single(first);
    }

    [Fact]
    public void Clear_empties_the_series()
    {
        var series = new MetricsSeries();
        series.Merge(Samples.Metric(1));

        series.Clear();

        Assert.Empty(series.Points);
        Assert.Equal(0, series.LastEpoch);
    }
}
