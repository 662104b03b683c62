namespace TrainingService.Web.Features.Compare;

/// <summary>The <c>?jobs=</c> of the comparison page: the ids in the order given, once each, and what was not an id.</summary>
public sealed record CompareSelection(IReadOnlyList<Guid> Ids, IReadOnlyList<string> Malformed)
{
    /// <summary>More would be unreadable as curves, and each costs the Api several reads.</summary>
    public const int MaxJobs = 10;

    public static CompareSelection Parse(string? text)
    {
        var ids = new List<Guid>();
        var malformed = new List<string>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var id))
            {
                malformed.Add(part);
            }
            else if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return new CompareSelection(ids, malformed);
    }
}
