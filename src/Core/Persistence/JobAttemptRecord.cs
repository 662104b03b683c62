namespace TrainingService.Core.Persistence;

/// <summary>
/// One run of a job by one worker: where it started (the training checkpoint it resumed from, if any),
/// when and why it ended. The open attempt has no <see cref="EndedAt"/>.
/// </summary>
public sealed class JobAttemptRecord
{
    public Guid JobId { get; set; }
    public int Attempt { get; set; }
    public Guid RunId { get; set; }
    public required string WorkerName { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>One of <see cref="AttemptEndReasons"/>; null while the attempt runs.</summary>
    public string? EndReason { get; set; }

    /// <summary>Epochs already complete when the attempt started (0 for a fresh start).</summary>
    public int StartEpoch { get; set; }

    /// <summary>Training steps already taken when the attempt started: where its curves begin.</summary>
    public long StartStep { get; set; }

    public string? Error { get; set; }
}
