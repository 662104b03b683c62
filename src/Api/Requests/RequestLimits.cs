namespace TrainingService.Api.Requests;

/// <summary>
/// The largest request bodies the Api reads (configuration section <c>RequestLimits</c>). A body past its
/// limit is refused with 413, whether <c>Content-Length</c> declares it or a chunked body grows past it.
/// Dataset uploads are bounded by <c>ImageFolderLimits:MaxUploadBytes</c> instead, their one owner.
/// </summary>
public sealed class RequestLimits
{
    public const string SectionName = "RequestLimits";

    /// <summary>Kestrel's limit, for every endpoint that sets none of its own (Hangfire's forms, SignalR's negotiation).</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>A job specification (<c>POST /api/jobs</c>) or a custom summary request (<c>POST /api/models/summary</c>).</summary>
    public long MaxJsonBodyBytes { get; set; } = 1 << 20;

    /// <summary>
    /// <c>POST /api/jobs/{id}/predict</c>: room for one image at the per-file limit (16 MiB) with others
    /// beside it, and still under the 30,000,000 bytes that Kestrel allows by default.
    /// </summary>
    public long MaxPredictBodyBytes { get; set; } = 25 << 20;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBodyBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxJsonBodyBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPredictBodyBytes);
    }
}
