namespace TrainingService.Contracts.Jobs;

/// <summary>
/// The query of <c>GET /api/jobs</c>: filters (all optional, combined with AND), the sort and the page.
/// <see cref="Status"/> may name several statuses (comma-separated on the wire); <see cref="Text"/> matches the
/// name, the note and the tags, case-insensitively. <see cref="ToQueryString"/> is the one way to spell it.
/// </summary>
public sealed record JobListQuery(
    int Page = 1,
    int PageSize = 20,
    IReadOnlyList<string>? Status = null,
    string? Model = null,
    string? Dataset = null,
    string? Tag = null,
    Guid? Sweep = null,
    string? Text = null,
    string Sort = JobListSort.Active,
    string Order = JobListSort.Ascending)
{
    public string ToQueryString()
    {
        var parts = new List<string> { $"page={Page}", $"pageSize={PageSize}" };
        if (Status is { Count: > 0 }) parts.Add($"status={Uri.EscapeDataString(string.Join(',', Status))}");
        if (!string.IsNullOrWhiteSpace(Model)) parts.Add($"model={Uri.EscapeDataString(Model)}");
        if (!string.IsNullOrWhiteSpace(Dataset)) parts.Add($"dataset={Uri.EscapeDataString(Dataset)}");
        if (!string.IsNullOrWhiteSpace(Tag)) parts.Add($"tag={Uri.EscapeDataString(Tag)}");
        if (Sweep is { } sweep) parts.Add($"sweep={sweep}");
        if (!string.IsNullOrWhiteSpace(Text)) parts.Add($"q={Uri.EscapeDataString(Text)}");
        parts.Add($"sort={Uri.EscapeDataString(Sort)}");
        parts.Add($"order={Uri.EscapeDataString(Order)}");
        return string.Join('&', parts);
    }
}
