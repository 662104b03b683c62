namespace TrainingService.Web.Clients.Api;

/// <summary>
/// A saved checkpoint; <see cref="DownloadUrl"/> is relative to the Api. <c>best</c> and <c>last</c> hold
/// weights only, <c>training</c> everything a run needs to continue (model, optimizer, scheduler, RNG).
/// </summary>
public sealed record CheckpointDto(
    string Name,
    int Epoch,
    long SizeBytes,
    string Sha256,
    DateTimeOffset CreatedAt,
    string DownloadUrl)
{
    public const string TrainingName = "training";

    /// <summary>Training steps taken when it was written.</summary>
    public long Step { get; init; }
}
