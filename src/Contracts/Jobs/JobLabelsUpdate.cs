namespace TrainingService.Contracts.Jobs;

/// <summary>
/// The body of <c>PATCH /api/jobs/{id}</c>: a field that is present replaces the job's, one that is absent is kept.
/// An empty list clears the tags, an empty string the note.
/// </summary>
public sealed record JobLabelsUpdate(IReadOnlyList<string>? Tags, string? Note);
