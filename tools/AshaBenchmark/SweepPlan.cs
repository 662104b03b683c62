using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Contracts.Sweeps;

namespace TrainingService.AshaBenchmark;

/// <summary>The one sweep both runs submit: a LeNet-5 learning rate × batch size grid, with or without ASHA.</summary>
internal static class SweepPlan
{
    public const string LearningRatePath = "hyperparameters.learningRate";
    public const string BatchSizePath = "hyperparameters.batchSize";

    public static SweepSubmission Submission(AshaBenchmarkOptions options, string name, bool asha)
    {
        var baseJob = new JsonObject
        {
            ["model"] = new JsonObject { ["name"] = "lenet5" },
            ["dataset"] = new JsonObject
            {
                ["name"] = "mnist",
                ["validationFraction"] = 0.1,
                ["trainLimit"] = options.TrainLimit,
                ["validationLimit"] = options.ValidationLimit,
                ["testLimit"] = options.TestLimit,
            },
            ["hyperparameters"] = new JsonObject
            {
                ["epochs"] = options.Epochs,
                ["optimizer"] = "sgd",
                ["momentum"] = 0.9,
                ["seed"] = options.Seed,
            },
        };
        var parameters = new Dictionary<string, SearchParameterSubmission>
        {
            [LearningRatePath] = Values(options.LearningRates),
            [BatchSizePath] = Values(options.BatchSizes),
        };
        return new SweepSubmission(name, JsonSerializer.SerializeToElement(baseJob), parameters, "grid", options.Seed, MaxTrials: null,
            options.Concurrency, "validation_accuracy", "max",
            asha ? new EarlyStoppingSubmission("asha", options.GracePeriod, options.ReductionFactor) : null);
    }

    private static SearchParameterSubmission Values<T>(IEnumerable<T> values) =>
        new(values.Select(v => JsonSerializer.SerializeToElement(v)).ToList(), null, null, null);
}
