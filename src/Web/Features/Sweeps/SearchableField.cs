namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// A field of the job submission worth searching over, as the path picker offers it: its dotted path, the kind of
/// range that suits it first, and for a choice field the values it takes. The Api remains the judge of every value.
/// </summary>
public sealed record SearchableField(string Path, SearchKind Suggested, IReadOnlyList<string> Choices)
{
    public bool IsChoice => Choices.Count > 0;
}
