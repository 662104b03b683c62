namespace TrainingService.Core.Training;

/// <summary>Running figures inside an epoch, reported a few times a second; never stored.</summary>
public sealed record BatchProgress(int Epoch, int Batch, int BatchesPerEpoch, double Loss, double Accuracy);
