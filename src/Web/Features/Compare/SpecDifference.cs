namespace TrainingService.Web.Features.Compare;

/// <summary>One spec field that is not the same in every job compared: its dotted path and each job's value as JSON (null where absent).</summary>
public sealed record SpecDifference(string Path, IReadOnlyList<string?> Values);
