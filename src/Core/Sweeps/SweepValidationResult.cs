namespace TrainingService.Core.Sweeps;

/// <summary>Either a complete sweep with every trial it plans validated, or, per offending field, the reasons it was refused.</summary>
public sealed record SweepValidationResult(SweepSpec? Spec, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<PlannedTrial> Trials)
{
    public bool IsValid => Spec is not null && Errors.Count == 0;
}
