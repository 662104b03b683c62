namespace TrainingService.Core.Artifacts;

/// <summary>What the store knows about one artifact; <paramref name="Sha256"/> is lower-case hex.</summary>
public sealed record ArtifactInfo(string Key, long SizeBytes, string Sha256);
