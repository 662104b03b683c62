using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingService.Web.Clients.Api;

/// <summary>A training job as returned by <c>GET /api/jobs/{id}</c>.</summary>
/// <param name="Spec">
/// Kept as raw JSON because the Api keeps adding spec fields; the page shows it verbatim
/// and reads the few fields it needs through <see cref="SpecSummary"/>.
/// </param>
public sealed record JobDto(
    Guid Id,
    string Name,
    JobStatus Status,
    JsonElement Spec,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int CurrentEpoch,
    int TotalEpochs,
    int Attempt,
    string? WorkerName,
    string? Error,
    JobResultDto? Result)
{
    [JsonIgnore]
    public JobSpecSummary SpecSummary => JobSpecSummary.From(Spec);
}
