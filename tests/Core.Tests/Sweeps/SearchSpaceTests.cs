using TrainingService.Core.Sweeps;
using static TrainingService.Core.Tests.Sweeps.Sweeps;

namespace TrainingService.Core.Tests.Sweeps;

public sealed class SearchSpaceTests
{
    [Fact]
    public void A_grid_has_the_product_of_its_sizes_and_varies_the_first_parameter_slowest()
    {
        var result = Validate(Grid(("hyperparameters.learningRate", Values(0.1, 0.01)), ("hyperparameters.batchSize", Range("int", 32, 34))));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Equal(6, result.Spec!.MaxTrials);
        Assert.Equal(6L, SearchSpace.GridSize(result.Spec.Parameters));
        Assert.Equal(
            [["0.1", "32"], ["0.1", "33"], ["0.1", "34"], ["0.01", "32"], ["0.01", "33"], ["0.01", "34"]],
            result.Trials.Select(t => Raw(t.Point)));
        Assert.Equal([1, 2, 3, 4, 5, 6], result.Trials.Select(t => t.Point.Number));
    }

    [Fact]
    public void Each_trial_is_the_base_job_with_the_searched_fields_set_and_named_after_the_sweep()
    {
        var result = Validate(Grid(("hyperparameters.learningRate", Values(0.1, 0.01)), ("model.name", Values("lenet5", "lenet5-relu"))));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var last = result.Trials[^1].Spec;
        Assert.Equal("lr sweep #4", last.Name);
        Assert.Equal(0.01, last.Hyperparameters.LearningRate);
        Assert.Equal("lenet5-relu", last.Model.Name);
        Assert.Equal((4, 64, 512), (last.Hyperparameters.Epochs, last.Hyperparameters.BatchSize, last.Dataset.TrainLimit!.Value));
    }

    [Fact]
    public void MaxTrials_takes_the_first_trials_of_a_grid_in_order()
    {
        var result = Validate(Grid(("hyperparameters.learningRate", Values(0.1, 0.01, 0.001))) with { MaxTrials = 2 });

        Assert.Equal([["0.1"], ["0.01"]], result.Trials.Select(t => Raw(t.Point)));
    }

    [Fact]
    public void The_same_random_submission_draws_the_same_trials_every_time()
    {
        var submission = Random(20, 7, ("hyperparameters.learningRate", Range("loguniform", 1e-4, 1e-1)),
            ("hyperparameters.batchSize", Range("int", 16, 128)), ("hyperparameters.optimizer", Values("sgd", "adam")));

        var first = Validate(submission).Trials.Select(t => Raw(t.Point)).ToList();
        var second = Validate(submission).Trials.Select(t => Raw(t.Point)).ToList();
        var otherSeed = Validate(submission with { Seed = 8 }).Trials.Select(t => Raw(t.Point)).ToList();

        Assert.Equal(20, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Random_draws_are_pinned_so_that_every_machine_draws_the_same()
    {
        // SplitMix64 from seed 42, one draw per parameter per trial, u = (next >> 11) / 2^53; worked out with Python's integers.
        var trials = Validate(Random(3, 42, ("hyperparameters.learningRate", Range("uniform", 0.01, 0.1)),
            ("hyperparameters.batchSize", Range("int", 16, 128)))).Trials;

        Assert.Equal(
            [["0.0767408390894641", "34"], ["0.035074101722962485", "54"], ["0.01342271516862216", "114"]],
            trials.Select(t => Raw(t.Point)));
    }

    [Fact]
    public void SplitMix64_yields_its_published_sequence()
    {
        // The reference sequence of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
        var random = new SeededRandom(1234567);

        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL], [random.NextUInt64(), random.NextUInt64(), random.NextUInt64()]);
    }

    [Fact]
    public void Random_draws_stay_in_their_ranges()
    {
        var trials = Validate(Random(200, 3, ("hyperparameters.learningRate", Range("loguniform", 1e-4, 1e-1)),
            ("hyperparameters.batchSize", Range("int", 16, 18)))).Trials;

        Assert.All(trials, t => Assert.InRange(t.Spec.Hyperparameters.LearningRate, 1e-4, 1e-1));
        Assert.Equal([16, 17, 18], trials.Select(t => t.Spec.Hyperparameters.BatchSize).Distinct().Order());
    }
}
