namespace TrainingService.Core.Library;

/// <summary>
/// A checked label update: <see cref="Tags"/> null keeps the job's tags; <see cref="SetsNote"/> false keeps its note,
/// true replaces it with <see cref="Note"/> (null clears it).
/// </summary>
public sealed record JobLabelChange(IReadOnlyList<string>? Tags, bool SetsNote, string? Note);
