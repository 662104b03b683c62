namespace TrainingService.Core.Training;

/// <summary>
/// How far an epoch's training has come: batches done and what they added up to. An epoch stopped
/// at a batch boundary (cancel, pause, drain) is saved as this in its training checkpoint and continues
/// from it; <see cref="StepLosses"/> are the losses of its steps so far.
/// </summary>
public sealed record EpochProgress(int BatchesDone, double LossSum, long Correct, long Count, double TrainSeconds, float[] StepLosses)
{
    public static EpochProgress Start { get; } = new(0, 0, 0, 0, 0, []);

    public bool IsComplete(int batchesPerEpoch) => BatchesDone >= batchesPerEpoch;

    public double Loss => Count == 0 ? double.NaN : LossSum / Count;

    public double Accuracy => Count == 0 ? double.NaN : (double)Correct / Count;
}
