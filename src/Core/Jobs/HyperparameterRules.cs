using TrainingService.Core.Jobs.Submission;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>hyperparameters</c> part of a submission and fills its defaults.</summary>
internal static class HyperparameterRules
{
    public const long DefaultSeed = 42;

    public static Hyperparameters? Check(HyperparametersSubmission? h, JobSpecLimits limits, ValidationErrors errors)
    {
        if (h is null)
        {
            errors.Add("hyperparameters", "is required.");
            return null;
        }
        Require(h.Epochs, "hyperparameters.epochs", 1, limits.MaxEpochs, errors);
        Require(h.BatchSize, "hyperparameters.batchSize", 1, limits.MaxBatchSize, errors);
        if (h.LearningRate is null)
        {
            errors.Add("hyperparameters.learningRate", "is required.");
        }
        else if (!(h.LearningRate > 0 && h.LearningRate <= limits.MaxLearningRate))
        {
            errors.Add("hyperparameters.learningRate", $"must be greater than 0 and at most {limits.MaxLearningRate}.");
        }
        var optimizer = (h.Optimizer ?? OptimizerNames.Sgd).Trim().ToLowerInvariant();
        if (!OptimizerNames.All.Contains(optimizer))
        {
            errors.Add("hyperparameters.optimizer", $"'{h.Optimizer}' is not supported; use one of: {string.Join(", ", OptimizerNames.All)}.");
        }
        if (h.Momentum is { } momentum && !(momentum >= 0 && momentum < 1))
        {
            errors.Add("hyperparameters.momentum", "must be at least 0 and less than 1.");
        }
        if (h.WeightDecay is { } decay && !(decay >= 0 && decay < 1))
        {
            errors.Add("hyperparameters.weightDecay", "must be at least 0 and less than 1.");
        }
        if (h.Seed is < 0)
        {
            errors.Add("hyperparameters.seed", "must not be negative.");
        }
        if (errors.Any)
        {
            return null;
        }
        return new Hyperparameters(h.Epochs!.Value, h.BatchSize!.Value, h.LearningRate!.Value, optimizer,
            h.Momentum ?? 0, h.WeightDecay ?? 0, h.Seed ?? DefaultSeed);
    }

    private static void Require(int? value, string field, int min, int max, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "is required.");
        }
        else if (value < min || value > max)
        {
            errors.Add(field, $"must be between {min} and {max}.");
        }
    }
}
