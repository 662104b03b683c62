namespace TrainingService.Api.Apis;

/// <summary>A downloadable checkpoint, with the SHA-256 of its bytes.</summary>
public sealed record CheckpointResource(string Name, int Epoch, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, string DownloadUrl);
