using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>
/// Optimisation settings of a job, every default filled in: the optimizer and its settings, the
/// learning-rate schedule, gradient clipping, label smoothing, early stopping, which metric selects
/// the best checkpoint, and where it runs.
/// </summary>
public sealed record Hyperparameters(
    int Epochs,
    int BatchSize,
    double LearningRate,
    string Optimizer,
    double Momentum,
    double WeightDecay,
    long Seed)
{
    public double Dampening { get; init; }
    public bool Nesterov { get; init; }
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Eps { get; init; } = 1e-8;
    public double Alpha { get; init; } = 0.99;
    public ScheduleSpec? Schedule { get; init; }
    public double? GradientClipNorm { get; init; }
    public double LabelSmoothing { get; init; }
    public EarlyStoppingSpec? EarlyStopping { get; init; }
    public string CheckpointMetric { get; init; } = MetricNames.ValidationAccuracy;
    public MetricMode CheckpointMode { get; init; } = MetricMode.Max;

    /// <summary><c>auto</c> (CUDA when the worker has it), <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>libtorch threads for a CPU run; null keeps the worker's setting.</summary>
    public int? Threads { get; init; }

    /// <summary><c>high</c>, <c>normal</c> or <c>low</c>: a free worker takes every queued job of a higher priority it can run first.</summary>
    public string Priority { get; init; } = "normal";

    public const int DefaultMaxRestarts = 3;
    public const int MaxRestartsLimit = 100;

    /// <summary>How often the service restarts the job by itself after a crash or a lost worker before failing it.</summary>
    public int MaxRestarts { get; init; } = DefaultMaxRestarts;

    public OptimizerSpec ToOptimizerSpec() => new(Optimizer, LearningRate)
    {
        Momentum = Momentum, Dampening = Dampening, Nesterov = Nesterov, WeightDecay = WeightDecay,
        Beta1 = Beta1, Beta2 = Beta2, Eps = Eps, Alpha = Alpha,
    };
}
