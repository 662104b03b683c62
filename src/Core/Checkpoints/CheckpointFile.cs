namespace TrainingService.Core.Checkpoints;

/// <summary>A checkpoint as it landed on disk; <paramref name="Sha256"/> is lowercase hex of the file's bytes.</summary>
public sealed record CheckpointFile(string Path, long SizeBytes, string Sha256);
