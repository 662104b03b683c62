using TrainingService.Core.Training.Evaluation;

namespace TrainingService.Core.Training;

/// <summary>The selected checkpoint on the test split: loss, accuracy, top-5, per-class precision/recall/F1, and the confusion matrix (rows are true classes).</summary>
public sealed record TestEvaluation(
    int CheckpointEpoch,
    double Loss,
    double Accuracy,
    double? Top5Accuracy,
    long Count,
    IReadOnlyList<string> ClassNames,
    ClassificationReport Report,
    long[][] ConfusionMatrix);
