using TrainingService.Web.Features.Sweeps;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class ParallelCoordinatesTests
{
    [Fact]
    public void There_is_an_axis_per_parameter_in_the_definitions_order_then_the_metric()
    {
        var data = ParallelCoordinates.Build(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.9)]);

        Assert.Equal(
            [("hyperparameters.learningRate", AxisScale.Log), ("hyperparameters.optimizer", AxisScale.Categorical), ("hyperparameters.batchSize", AxisScale.Linear), ("validation_accuracy", AxisScale.Linear)],
            data.Axes.Select(a => (a.Label, a.Scale)));
    }

    [Fact]
    public void A_loguniform_axis_places_values_by_decade_and_ticks_the_decades()
    {
        var data = ParallelCoordinates.Build(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.9, lr: 0.01), SweepSamples.Trial(2, 0.8, lr: 0.001)]);

        var lr = data.Axes[0];
        Assert.Equal(["0.001", "0.01", "0.1"], lr.TickLabels);
        Assert.Equal([0, 0.5, 1], lr.TickPositions.Select(p => Math.Round(p, 9)));
        Assert.Equal([0.5, 0], data.Lines.Select(l => Math.Round(l.Positions[0]!.Value, 9)));
    }

    [Fact]
    public void A_values_list_is_one_slot_per_value_in_its_order_and_an_int_range_is_linear_between_its_bounds()
    {
        var data = ParallelCoordinates.Build(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.9, optimizer: "adamw", batch: 40)]);

        Assert.Equal(["sgd", "adam", "adamw"], data.Axes[1].TickLabels);
        Assert.Equal([0, 0.5, 1], data.Axes[1].TickPositions);
        Assert.Equal(["16", "28", "40", "52", "64"], data.Axes[2].TickLabels);
        var line = Assert.Single(data.Lines);
        Assert.Equal(1, line.Positions[1]);
        Assert.Equal(0.5, line.Positions[2]);
    }

    [Fact]
    public void The_metric_is_the_last_axis_and_colours_the_best_trials_brightest_in_either_mode()
    {
        IReadOnlyList<TrainingService.Contracts.Sweeps.SweepTrialResource> trials =
            [SweepSamples.Trial(1, 0.2), SweepSamples.Trial(2, 0.6), SweepSamples.Trial(3, null, status: "Queued"), SweepSamples.Trial(4, 0.4)];

        var max = ParallelCoordinates.Build(SweepSamples.Definition(mode: "max"), trials);
        var min = ParallelCoordinates.Build(SweepSamples.Definition(mode: "min", metric: "validation_loss"), trials);

        Assert.Equal([1, 2, 4], max.Lines.Select(l => l.TrialNumber));
        Assert.Equal(1, max.Undrawn);
        Assert.Equal([0, 1, 0.5], max.Lines.Select(l => Math.Round(l.Positions[^1]!.Value, 9)));
        Assert.Equal((0.2, 0.6), (max.MetricLow, max.MetricHigh));
        Assert.Equal([0, 1, 0.5], max.Lines.Select(l => Math.Round(max.Goodness(l.Metric), 9)));
        Assert.Equal("validation_loss", min.Axes[^1].Label);
        Assert.Equal([1, 0, 0.5], min.Lines.Select(l => Math.Round(min.Goodness(l.Metric), 9)));
    }
}
