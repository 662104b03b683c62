namespace TrainingService.Core.Events;

/// <summary>Running figures within an epoch; ephemeral, a few per second at most.</summary>
public sealed record BatchProgressEvent(
    Guid JobId,
    int Epoch,
    int Batch,
    int BatchesPerEpoch,
    double Loss,
    double Accuracy) : TrainingEvent(JobId);
