using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>hyperparameters</c> part of a submission and fills its defaults.</summary>
internal static class HyperparameterRules
{
    public const long DefaultSeed = 42;
    private const string Prefix = "hyperparameters";

    public static Hyperparameters? Check(HyperparametersSubmission? h, JobSpecLimits limits, ValidationErrors errors)
    {
        if (h is null)
        {
            errors.Add(Prefix, "is required.");
            return null;
        }
        var before = errors.Count;
        Require(h.Epochs, $"{Prefix}.epochs", 1, limits.MaxEpochs, errors);
        Require(h.BatchSize, $"{Prefix}.batchSize", 1, limits.MaxBatchSize, errors);
        if (h.LearningRate is null) errors.Add($"{Prefix}.learningRate", "is required.");
        else if (!(h.LearningRate <= limits.MaxLearningRate)) errors.Add($"{Prefix}.learningRate", $"must be at most {limits.MaxLearningRate}.");
        if (h.Seed is < 0) errors.Add($"{Prefix}.seed", "must not be negative.");
        var optimizer = OptimizerKinds.Normalize(h.Optimizer ?? OptimizerKinds.Sgd);
        var settings = new OptimizerSpec(optimizer, h.LearningRate ?? 1)
        {
            Momentum = h.Momentum ?? 0, Dampening = h.Dampening ?? 0, Nesterov = h.Nesterov ?? false, WeightDecay = h.WeightDecay,
            Beta1 = h.Beta1 ?? 0.9, Beta2 = h.Beta2 ?? 0.999, Eps = h.Eps ?? 1e-8, Alpha = h.Alpha ?? 0.99,
        };
        var known = OptimizerKinds.All.Contains(optimizer);
        if (!known)
            errors.Add($"{Prefix}.optimizer", $"'{h.Optimizer}' is not supported; use one of: {string.Join(", ", OptimizerKinds.All)}.");
        // The numbers are still checked for an unknown optimizer, so every bad field is named at once.
        OptimizerRules.Check(known ? settings : settings with { Name = OptimizerKinds.Sgd }, errors, Prefix);
        if (h.Schedule is { } schedule && h.LearningRate is { } rate && h.Epochs is { } epochs)
            ScheduleRules.Check(schedule, rate, epochs, errors, $"{Prefix}.schedule");
        if (h.GradientClipNorm is not null and not > 0) errors.Add($"{Prefix}.gradientClipNorm", "must be greater than 0 when given.");
        if (h.LabelSmoothing is not null and not (>= 0 and < 1)) errors.Add($"{Prefix}.labelSmoothing", "must be at least 0 and less than 1.");
        if (h.Device is not null && h.Device is not ("auto" or "cpu" or "cuda")) errors.Add($"{Prefix}.device", "must be auto, cpu or cuda.");
        if (h.Threads is < 1 or > 256) errors.Add($"{Prefix}.threads", "must be between 1 and 256.");
        if (h.MaxRestarts is < 0 or > Hyperparameters.MaxRestartsLimit) errors.Add($"{Prefix}.maxRestarts", $"must be between 0 and {Hyperparameters.MaxRestartsLimit}.");
        var checkpointMode = MetricRules.Check(h.CheckpointMetric ?? MetricNames.ValidationAccuracy, h.CheckpointMode,
            $"{Prefix}.checkpointMetric", $"{Prefix}.checkpointMode", errors);
        var earlyStopping = EarlyStoppingRules.Check(h.EarlyStopping, errors);
        if (errors.Count > before || checkpointMode is null)
        {
            return null;
        }
        return new Hyperparameters(h.Epochs!.Value, h.BatchSize!.Value, h.LearningRate!.Value, optimizer,
            settings.Momentum, settings.EffectiveWeightDecay, h.Seed ?? DefaultSeed)
        {
            Dampening = settings.Dampening, Nesterov = settings.Nesterov, Beta1 = settings.Beta1, Beta2 = settings.Beta2,
            Eps = settings.Eps, Alpha = settings.Alpha, Schedule = h.Schedule, GradientClipNorm = h.GradientClipNorm,
            LabelSmoothing = h.LabelSmoothing ?? 0, EarlyStopping = earlyStopping,
            CheckpointMetric = h.CheckpointMetric ?? MetricNames.ValidationAccuracy, CheckpointMode = checkpointMode.Value,
            Device = h.Device ?? "auto", Threads = h.Threads,
            MaxRestarts = h.MaxRestarts ?? Hyperparameters.DefaultMaxRestarts,
        };
    }

    private static void Require(int? value, string field, int min, int max, ValidationErrors errors)
    {
        if (value is null) errors.Add(field, "is required.");
        else if (value < min || value > max) errors.Add(field, $"must be between {min} and {max}.");
    }
}
