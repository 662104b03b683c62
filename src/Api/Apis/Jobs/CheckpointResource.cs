namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// A downloadable checkpoint, with the SHA-256 of its bytes: <c>best</c> and <c>last</c> hold weights (a
/// state dict), <c>training</c> everything needed to continue training (see docs/formats.md).
/// </summary>
public sealed record CheckpointResource(string Name, int Epoch, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, string DownloadUrl)
{
    /// <summary>Training steps taken when it was written.</summary>
    public long Step { get; init; }
}
