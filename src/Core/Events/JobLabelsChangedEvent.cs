namespace TrainingService.Core.Events;

/// <summary>
/// A user changed a job's tags or note. The note is shortened (as <see cref="JobStatusChangedEvent.Error"/> is) to keep the
/// NOTIFY payload far below PostgreSQL's 8,000 bytes; the job resource has it whole.
/// </summary>
public sealed record JobLabelsChangedEvent(Guid JobId, IReadOnlyList<string> Tags, string? Note, DateTimeOffset OccurredAt) : TrainingEvent(JobId)
{
    public const int MaxNoteLength = 300;

    public static string? Shorten(string? note) =>
        note is { Length: > MaxNoteLength } ? note[..MaxNoteLength] + "…" : note;
}
