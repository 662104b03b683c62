namespace TrainingService.Core.Artifacts;

/// <summary>How many artifacts share a key prefix, and the bytes they take.</summary>
public sealed record ArtifactUsage(long Bytes, int Files);
