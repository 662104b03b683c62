namespace TrainingService.Web.Clients.Api;

/// <summary>The test evaluation of a job's selected checkpoint (rows of the confusion matrix are true classes).</summary>
public sealed record EvaluationDto(
    int CheckpointEpoch,
    double Loss,
    double Accuracy,
    double? Top5Accuracy,
    long Count,
    IReadOnlyList<string> ClassNames,
    ClassificationReportDto Report,
    IReadOnlyList<IReadOnlyList<long>> ConfusionMatrix);
