using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>hyperparameters</c> part of a submission and fills its defaults.</summary>
internal static class HyperparameterRules
{
    public const long DefaultSeed = 42;
    private const string Prefix = "hyperparameters";

    /// <summary>Momenta and moving-average factors: 1 or more never forgets and diverges.</summary>
    public static readonly NumberRange Fraction = new(0, 1, MaxExclusive: true);
    public static readonly NumberRange Dampening = new(0, 1);

    /// <summary>A decay of lr x weightDecay per step: above 1 it wipes the weights out faster than any gradient rebuilds them.</summary>
    public static readonly NumberRange WeightDecay = new(0, 1);
    public static readonly NumberRange Eps = new(0, 1);
    public static readonly NumberRange GradientClipNorm = new(0, 1e6, MinExclusive: true);
    public static readonly NumberRange LabelSmoothing = new(0, 1, MaxExclusive: true);

    public static NumberRange LearningRate(JobSpecLimits limits) => new(0, limits.MaxLearningRate, MinExclusive: true);

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
        var rateOk = LearningRate(limits).Check(h.LearningRate, $"{Prefix}.learningRate", errors) && h.LearningRate is not null;
        if (h.Seed is < 0) errors.Add($"{Prefix}.seed", "must not be negative.");
        var optimizer = OptimizerKinds.Normalize(h.Optimizer ?? OptimizerKinds.Sgd);
        // A number refused here is handed on as its default, so the optimizer's own rules do not name it twice.
        var settings = new OptimizerSpec(optimizer, rateOk ? h.LearningRate!.Value : 1)
        {
            Momentum = Checked(h.Momentum, 0, Fraction, "momentum", errors),
            Dampening = Checked(h.Dampening, 0, Dampening, "dampening", errors),
            Nesterov = h.Nesterov ?? false,
            WeightDecay = WeightDecay.Check(h.WeightDecay, $"{Prefix}.weightDecay", errors) ? h.WeightDecay : null,
            Beta1 = Checked(h.Beta1, 0.9, Fraction, "beta1", errors),
            Beta2 = Checked(h.Beta2, 0.999, Fraction, "beta2", errors),
            Eps = Checked(h.Eps, 1e-8, Eps, "eps", errors),
            Alpha = Checked(h.Alpha, 0.99, Fraction, "alpha", errors),
        };
        var known = OptimizerKinds.All.Contains(optimizer);
        if (!known)
            errors.Add($"{Prefix}.optimizer", $"'{h.Optimizer}' is not supported; use one of: {string.Join(", ", OptimizerKinds.All)}.");
        // The numbers are still checked for an unknown optimizer, so every bad field is named at once.
        OptimizerRules.Check(known ? settings : settings with { Name = OptimizerKinds.Sgd }, errors, Prefix);
        if (h.Schedule is { } schedule && rateOk && h.Epochs is { } epochs)
        {
            ScheduleRules.Check(schedule, h.LearningRate!.Value, epochs, errors, $"{Prefix}.schedule");
            ScheduleBounds.Check(schedule, h.LearningRate!.Value, limits, errors, $"{Prefix}.schedule");
        }
        GradientClipNorm.Check(h.GradientClipNorm, $"{Prefix}.gradientClipNorm", errors);
        LabelSmoothing.Check(h.LabelSmoothing, $"{Prefix}.labelSmoothing", errors);
        if (h.Device is not null && h.Device is not ("auto" or "cpu" or "cuda")) errors.Add($"{Prefix}.device", "must be auto, cpu or cuda.");
        if (h.Priority is not null && h.Priority is not ("high" or "normal" or "low")) errors.Add($"{Prefix}.priority", "must be high, normal or low.");
        if (h.Threads is < 1 or > 256) errors.Add($"{Prefix}.threads", "must be between 1 and 256.");
        if (h.MaxRestarts is < 0 or > Hyperparameters.MaxRestartsLimit) errors.Add($"{Prefix}.maxRestarts", $"must be between 0 and {Hyperparameters.MaxRestartsLimit}.");
        var checkpointMode = MetricRules.Check(h.CheckpointMetric ?? MetricNames.ValidationAccuracy, h.CheckpointMode,
            $"{Prefix}.checkpointMetric", $"{Prefix}.checkpointMode", errors);
        var earlyStopping = EarlyStoppingRules.Check(h.EarlyStopping, limits, errors);
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
            Device = h.Device ?? "auto", Threads = h.Threads, Priority = h.Priority ?? "normal",
            MaxRestarts = h.MaxRestarts ?? Hyperparameters.DefaultMaxRestarts,
        };
    }

    private static double Checked(double? value, double fallback, NumberRange range, string member, ValidationErrors errors) =>
        range.Check(value, $"{Prefix}.{member}", errors) ? value ?? fallback : fallback;

    private static void Require(int? value, string field, int min, int max, ValidationErrors errors)
    {
        if (value is null) errors.Add(field, "is required.");
        else if (value < min || value > max) errors.Add(field, $"must be between {min} and {max}.");
    }
}
