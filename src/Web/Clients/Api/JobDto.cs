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
    /// <summary>Why the job is in its state, e.g. "paused by the user" or "worker lost …; resuming (restart 1 of 3)".</summary>
    public string? StatusReason { get; init; }

    /// <summary>Set while a running job has been asked to stop and has not reached a batch boundary yet.</summary>
    public JobStopRequest? StopRequest { get; init; }

    /// <summary>Automatic restarts after crashes and lost workers so far.</summary>
    public int Restarts { get; init; }

    /// <summary>The owner's user name; <see langword="null"/> for jobs stored before there were users (admins see those).</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>The sweep this job is a trial of, and its number there.</summary>
    public Guid? SweepId { get; init; }

    public int? TrialNumber { get; init; }

    /// <summary>The bytes its checkpoints take in the artifact store.</summary>
    public long CheckpointBytes { get; init; }

    [JsonIgnore]
    public JobSpecSummary SpecSummary => JobSpecSummary.From(Spec);
}
