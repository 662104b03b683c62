namespace TrainingService.Web.Clients.Api;

/// <summary>A saved model checkpoint; <see cref="DownloadUrl"/> is relative to the Api.</summary>
public sealed record CheckpointDto(
    string Name,
    int Epoch,
    long SizeBytes,
    string Sha256,
    DateTimeOffset CreatedAt,
    string DownloadUrl);
