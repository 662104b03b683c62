namespace TrainingService.Web.Features.JobDetails;

/// <summary>Where a job stands: finished epochs plus the share of the epoch in progress.</summary>
/// <param name="RunningEpoch">The epoch batches are reported for, or <see langword="null"/> between epochs.</param>
public sealed record TrainingProgressView(
    int CompletedEpochs,
    int TotalEpochs,
    int? RunningEpoch,
    int Batch,
    int BatchesPerEpoch)
{
    public double EpochFraction => RunningEpoch is null || BatchesPerEpoch <= 0
        ? 0
        : Math.Clamp(Batch / (double)BatchesPerEpoch, 0, 1);

    public double OverallFraction => TotalEpochs <= 0
        ? 0
        : Math.Clamp((CompletedEpochs + EpochFraction) / TotalEpochs, 0, 1);
}
