using TrainingService.Core.Jobs;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class CheckpointSelectionTests
{
    [Fact]
    public void By_default_the_best_epoch_has_the_highest_validation_accuracy_and_ties_keep_the_earlier()
    {
        var selection = CheckpointSelection.Default();

        var improved = new[] { 0.90, 0.95, 0.95, 0.93 }.Select((value, i) => selection.Offer(i + 1, value)).ToList();

        Assert.Equal(MetricNames.ValidationAccuracy, selection.Metric);
        Assert.Equal([true, true, false, false], improved);
        Assert.Equal(2, selection.BestEpoch);
    }

    [Fact]
    public void Selecting_by_a_loss_keeps_the_lowest()
    {
        var selection = new CheckpointSelection(MetricNames.ValidationLoss, MetricMode.Min);

        var improved = new[] { 0.5, 0.7, 0.4, 0.4 }.Select((value, i) => selection.Offer(i + 1, value)).ToList();

        Assert.Equal([true, false, true, false], improved);
        Assert.Equal(3, selection.BestEpoch);
        Assert.Equal(0.4, selection.BestValue);
    }

    [Fact]
    public void A_finite_value_replaces_a_nan_best_but_nan_never_replaces_a_finite_one()
    {
        var selection = new CheckpointSelection(MetricNames.TrainLoss, MetricMode.Min);

        Assert.True(selection.Offer(1, double.NaN));
        Assert.True(selection.Offer(2, 3.0));
        Assert.False(selection.Offer(3, double.NaN));
        Assert.Equal(2, selection.BestEpoch);
    }

    [Fact]
    public void Without_a_validation_split_validation_metrics_fall_back_to_their_training_counterparts()
    {
        Assert.Equal(MetricNames.TrainLoss, new CheckpointSelection(MetricNames.ValidationLoss, MetricMode.Min).WithoutValidation().Metric);
        Assert.Equal(MetricNames.TrainAccuracy, new CheckpointSelection(MetricNames.ValidationTop5, MetricMode.Max).WithoutValidation().Metric);
        Assert.Equal(MetricNames.TrainAccuracy, CheckpointSelection.Default().WithoutValidation().Metric);
    }

    [Fact]
    public void Metric_values_are_read_by_name_from_an_epochs_figures()
    {
        var epoch = new EpochMetrics(1, 0.9, 0.7, null, null, 0.1, 1, 100);

        Assert.Equal(0.9, MetricValues.Read(MetricNames.TrainLoss, epoch));
        Assert.Equal(0.7, MetricValues.Read(MetricNames.TrainAccuracy, epoch));
        Assert.Null(MetricValues.Read(MetricNames.ValidationLoss, epoch));
        Assert.Equal(0.99, MetricValues.Read(MetricNames.ValidationTop5, epoch, validationTop5: 0.99));
    }

    [Fact]
    public void A_watched_metric_is_checked_and_its_mode_defaults_to_the_natural_one()
    {
        var errors = new ValidationErrors();

        Assert.Equal(MetricMode.Min, MetricRules.Check("validation_loss", null, "m", "mode", errors));
        Assert.Equal(MetricMode.Max, MetricRules.Check("validation_top5", null, "m", "mode", errors));
        Assert.Equal(MetricMode.Min, MetricRules.Check("train_accuracy", "MIN", "m", "mode", errors));
        Assert.False(errors.Any);
        Assert.Null(MetricRules.Check("accuracy", null, "checkpoint.metric", "checkpoint.mode", errors));
        Assert.Equal(["checkpoint.metric"], errors.ToDictionary().Keys);
    }
}
