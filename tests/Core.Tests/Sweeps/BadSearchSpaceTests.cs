using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Training.Recipe;
using static TrainingService.Core.Tests.Sweeps.Sweeps;

namespace TrainingService.Core.Tests.Sweeps;

/// <summary>Every kind of bad search space is refused with a reason under the field it names, all at once.</summary>
public sealed class BadSearchSpaceTests
{
    private static void AssertRefused(SweepSubmission submission, string field, string? reasonPart = null, int? maxActiveJobs = 50)
    {
        var result = Validate(submission, maxActiveJobs);
        Assert.False(result.IsValid);
        Assert.True(result.Errors.ContainsKey(field), $"no error under {field}; got {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        if (reasonPart is not null) Assert.Contains(result.Errors[field], r => r.Contains(reasonPart, StringComparison.Ordinal));
    }

    private static readonly (string, SearchParameterSubmission) LearningRates = ("hyperparameters.learningRate", Values(0.1, 0.01));

    [Fact]
    public void A_path_that_names_no_field_of_a_job_is_refused() =>
        AssertRefused(Grid(("hyperparameters.learningRat", Values(0.1))), "parameters.hyperparameters.learningRat", "has no 'learningRat'");

    [Fact]
    public void A_path_through_a_value_that_is_not_an_object_is_refused() =>
        AssertRefused(Grid(("hyperparameters.epochs.value", Values(1))), "parameters.hyperparameters.epochs.value", "is not an object");

    [Fact]
    public void The_trial_name_cannot_be_searched() => AssertRefused(Grid(("name", Values("a", "b"))), "parameters.name");

    [Fact]
    public void A_value_that_makes_an_invalid_job_is_named_by_its_index() =>
        AssertRefused(Grid(("hyperparameters.learningRate", Values(0.1, 0.01, -1.0))), "parameters.hyperparameters.learningRate.values[2]", "hyperparameters.learningRate");

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_index() =>
        AssertRefused(Grid(("hyperparameters.batchSize", Values(32, "many"))), "parameters.hyperparameters.batchSize.values[1]", "wrong type");

    [Fact]
    public void A_range_end_that_makes_an_invalid_job_is_named() =>
        AssertRefused(Grid(("hyperparameters.batchSize", Range("int", 0, 64))), "parameters.hyperparameters.batchSize.min");

    [Fact]
    public void An_upper_end_that_makes_an_invalid_job_is_named() =>
        AssertRefused(Random(4, 0, ("hyperparameters.learningRate", Range("uniform", 0.01, 1e9))), "parameters.hyperparameters.learningRate.max");

    [Fact]
    public void Values_and_a_distribution_together_are_refused() =>
        AssertRefused(Grid(("hyperparameters.learningRate", new SearchParameterSubmission(Values(0.1).Values, "uniform", 0.1, 0.2))),
            "parameters.hyperparameters.learningRate", "not both");

    [Fact]
    public void An_empty_values_list_is_refused() =>
        AssertRefused(Grid(("hyperparameters.learningRate", Values())), "parameters.hyperparameters.learningRate.values", "at least one");

    [Fact]
    public void A_parameter_with_neither_values_nor_a_distribution_is_refused() =>
        AssertRefused(Grid(("hyperparameters.learningRate", new SearchParameterSubmission(null, null, 0.1, 0.2))), "parameters.hyperparameters.learningRate");

    [Fact]
    public void An_unknown_distribution_is_refused() =>
        AssertRefused(Random(4, 0, ("hyperparameters.learningRate", Range("normal", 0.1, 0.2))), "parameters.hyperparameters.learningRate.distribution");

    [Fact]
    public void Loguniform_needs_a_positive_min() =>
        AssertRefused(Random(4, 0, ("hyperparameters.learningRate", Range("loguniform", 0, 0.1))), "parameters.hyperparameters.learningRate.min", "greater than 0");

    [Fact]
    public void A_continuous_range_needs_min_below_max() =>
        AssertRefused(Random(4, 0, ("hyperparameters.learningRate", Range("uniform", 0.1, 0.1))), "parameters.hyperparameters.learningRate.max", "greater than min");

    [Fact]
    public void An_int_range_may_be_one_value_but_not_reversed_or_fractional()
    {
        Assert.True(Validate(Grid(("hyperparameters.batchSize", Range("int", 32, 32)))).IsValid);
        AssertRefused(Grid(("hyperparameters.batchSize", Range("int", 64, 32))), "parameters.hyperparameters.batchSize.max", "at least min");
        AssertRefused(Grid(("hyperparameters.batchSize", Range("int", 16.5, 32))), "parameters.hyperparameters.batchSize.min", "whole number");
    }

    [Fact]
    public void A_range_needs_both_ends() =>
        AssertRefused(Random(4, 0, ("hyperparameters.learningRate", Range("uniform", 0.1, null))), "parameters.hyperparameters.learningRate.max", "required");

    [Fact]
    public void A_grid_takes_no_continuous_range() =>
        AssertRefused(Grid(("hyperparameters.learningRate", Range("loguniform", 1e-3, 1e-1))), "parameters.hyperparameters.learningRate.distribution", "grid");

    [Fact]
    public void A_whole_number_field_takes_only_an_int_range() =>
        AssertRefused(Random(4, 0, ("hyperparameters.batchSize", Range("uniform", 16, 64))), "parameters.hyperparameters.batchSize.distribution", "whole number");

    [Fact]
    public void A_field_that_is_not_a_number_takes_no_range() =>
        AssertRefused(Random(4, 0, ("hyperparameters.optimizer", Range("uniform", 0, 1))), "parameters.hyperparameters.optimizer.distribution", "not a number");

    [Fact]
    public void At_least_one_and_at_most_ten_parameters()
    {
        AssertRefused(Grid(), "parameters", "at least one");
        var eleven = Enumerable.Range(0, 11).Select(i => ($"hyperparameters.p{i}", Values(1))).ToArray();
        AssertRefused(Grid(eleven), "parameters", "at most 10");
    }

    [Fact]
    public void Nested_paths_are_refused() =>
        AssertRefused(Grid(("dataset", Values(new { name = "mnist" })), ("dataset.trainLimit", Values(256))), "parameters.dataset.trainLimit", "inside");

    [Fact]
    public void Random_needs_maxTrials() =>
        AssertRefused(Grid(LearningRates) with { Method = "random" }, "maxTrials", "required");

    [Fact]
    public void A_grid_caps_maxTrials_at_its_size() =>
        AssertRefused(Grid(LearningRates) with { MaxTrials = 3 }, "maxTrials", "grid's size, 2");

    [Fact]
    public void A_grid_larger_than_the_limit_needs_an_explicit_maxTrials()
    {
        AssertRefused(Grid(("hyperparameters.batchSize", Range("int", 1, 300))), "maxTrials", "300 combinations");
        Assert.True(Validate(Grid(("hyperparameters.batchSize", Range("int", 1, 300))) with { MaxTrials = 3 }).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void MaxTrials_is_between_1_and_256(int maxTrials) =>
        AssertRefused(Grid(("hyperparameters.batchSize", Range("int", 1, 300))) with { MaxTrials = maxTrials }, "maxTrials", "between 1 and 256");

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void MaxConcurrent_is_between_1_and_16(int maxConcurrent) =>
        AssertRefused(Grid(LearningRates) with { MaxConcurrent = maxConcurrent }, "maxConcurrent", "between 1 and 16");

    [Fact]
    public void MaxConcurrent_may_not_exceed_the_keys_active_job_limit() =>
        AssertRefused(Grid(LearningRates) with { MaxConcurrent = 4 }, "maxConcurrent", "3 queued", maxActiveJobs: 3);

    [Fact]
    public void Method_metric_mode_and_early_stopping_are_checked_all_at_once()
    {
        var result = Validate(Grid(LearningRates) with
        {
            Method = "bayes", Metric = "f1", Mode = "up", EarlyStopping = new EarlyStoppingSubmission("hyperband", 0, 1),
        });

        Assert.Equal(["earlyStopping.gracePeriod", "earlyStopping.kind", "earlyStopping.reductionFactor", "method", "metric", "mode"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_grace_period_must_be_below_the_trials_epochs() =>
        AssertRefused(Grid(LearningRates) with { EarlyStopping = new EarlyStoppingSubmission("asha", 4, null) }, "earlyStopping.gracePeriod", "epochs (4)");

    [Fact]
    public void A_base_that_is_no_job_submission_is_refused_under_base()
    {
        AssertRefused(Grid(LearningRates) with { Base = default }, "base", "required");
        AssertRefused(Grid(LearningRates) with { Base = Base("""{"model": {"name": "lenet5"}, "dataset": {"name": "nope"}, "hyperparameters": {"epochs": 2, "batchSize": 8}}""") },
            "base.dataset.name");
        AssertRefused(Grid(LearningRates) with { Base = Base("""{"model": {"name": "lenet5"}, "dataset": {"name": "mnist"}, "hyperparameters": {"epochs": 2, "batchSize": 8, "learningRate": 0.1, "colour": 1}}""") },
            "base.hyperparameters.colour");
    }

    [Fact]
    public void Defaults_are_filled_in_as_documented()
    {
        var spec = Validate(Grid(LearningRates) with { EarlyStopping = new EarlyStoppingSubmission("asha", null, null) }).Spec!;

        Assert.Equal(("grid", 0L, 2, 2, "validation_accuracy", MetricMode.Max), (spec.Method, spec.Seed, spec.MaxTrials, spec.MaxConcurrent, spec.Metric, spec.Mode));
        Assert.Equal((1, 4), (spec.EarlyStopping!.GracePeriod, spec.EarlyStopping.ReductionFactor));
        Assert.Equal(MetricMode.Min, Validate(Grid(LearningRates) with { Metric = "validation_loss" }).Spec!.Mode);
    }
}
