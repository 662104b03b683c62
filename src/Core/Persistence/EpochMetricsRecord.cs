namespace TrainingService.Core.Persistence;

/// <summary>One stored row per job and epoch.</summary>
public sealed class EpochMetricsRecord
{
    public Guid JobId { get; set; }
    public int Epoch { get; set; }
    public double TrainLoss { get; set; }
    public double TrainAccuracy { get; set; }
    public double? ValidationLoss { get; set; }
    public double? ValidationAccuracy { get; set; }
    public double LearningRate { get; set; }
    public double EpochSeconds { get; set; }
    public double ImagesPerSecond { get; set; }
    public double? ValidationTop5Accuracy { get; set; }
    public long PeakMemoryBytes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
