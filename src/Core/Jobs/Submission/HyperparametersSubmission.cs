using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs.Submission;

/// <summary>The hyperparameters of a submitted job; epochs, batch size and learning rate are required.</summary>
public sealed record HyperparametersSubmission(
    int? Epochs,
    int? BatchSize,
    double? LearningRate,
    string? Optimizer,
    double? Momentum,
    double? WeightDecay,
    long? Seed)
{
    public double? Dampening { get; init; }
    public bool? Nesterov { get; init; }
    public double? Beta1 { get; init; }
    public double? Beta2 { get; init; }
    public double? Eps { get; init; }
    public double? Alpha { get; init; }
    public ScheduleSpec? Schedule { get; init; }
    public double? GradientClipNorm { get; init; }
    public double? LabelSmoothing { get; init; }
    public EarlyStoppingSubmission? EarlyStopping { get; init; }
    public string? CheckpointMetric { get; init; }
    public string? CheckpointMode { get; init; }
    public string? Device { get; init; }
    public int? Threads { get; init; }
    public string? Priority { get; init; }
    public int? MaxRestarts { get; init; }
}
