namespace TrainingService.Core.Persistence;

/// <summary>A checkpoint file of a job (<c>best</c> or <c>last</c>), with its path relative to the checkpoint root.</summary>
public sealed class CheckpointRecord
{
    public Guid JobId { get; set; }
    public required string Name { get; set; }
    public int Epoch { get; set; }
    public required string RelativePath { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
