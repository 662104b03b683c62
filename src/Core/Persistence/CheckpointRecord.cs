namespace TrainingService.Core.Persistence;

/// <summary>A checkpoint file of a job (<c>best</c>, <c>last</c> or <c>training</c>), with its path relative to the checkpoint root.</summary>
public sealed class CheckpointRecord
{
    public Guid JobId { get; set; }
    public required string Name { get; set; }
    /// <summary>Epochs complete when it was written.</summary>
    public int Epoch { get; set; }

    /// <summary>Training steps taken when it was written (a training checkpoint may fall inside an epoch).</summary>
    public long Step { get; set; }
    public required string RelativePath { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
