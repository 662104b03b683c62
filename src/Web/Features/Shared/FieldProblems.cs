namespace TrainingService.Web.Features.Shared;

/// <summary>
/// The Api's problems (keyed by field, <c>model.custom[2].out</c>) placed by the inputs the form shows: each goes to the
/// input of its field, or of the nearest field that contains it (<c>dataset.transforms.mean[0]</c> to the mean's input,
/// <c>model.custom[1].foo</c> to the layer's row); one no input holds (<c>$</c>, a misspelt member) is unplaced.
/// </summary>
public sealed class FieldProblems
{
    public static readonly FieldProblems None = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> placed;

    private FieldProblems(IReadOnlyDictionary<string, IReadOnlyList<string>> placed, IReadOnlyList<string> unplaced)
    {
        this.placed = placed;
        Unplaced = unplaced;
    }

    /// <summary>"key: reason" for each problem no input holds, in the Api's order.</summary>
    public IReadOnlyList<string> Unplaced { get; }

    public bool Any => placed.Count > 0 || Unplaced.Count > 0;

    /// <summary>The reasons for the input of <paramref name="path"/>; a problem of a field within it says which first.</summary>
    public IReadOnlyList<string> For(string path) => placed.GetValueOrDefault(path) ?? [];

    public static FieldProblems Place(IReadOnlyDictionary<string, string[]> errors, IReadOnlySet<string> inputs)
    {
        var placed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unplaced = new List<string>();
        foreach (var (key, reasons) in errors)
        {
            var holder = inputs.Where(path => Covers(path, key)).MaxBy(path => path.Length);
            if (holder is null)
            {
                unplaced.AddRange(reasons.Select(reason => $"{key}: {reason}"));
                continue;
            }

            var within = key[holder.Length..].TrimStart('.');
            if (!placed.TryGetValue(holder, out var list))
            {
                placed[holder] = list = [];
            }

            list.AddRange(reasons.Select(reason => within.Length == 0 ? reason : $"{within}: {reason}"));
        }

        return new FieldProblems(placed.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal), unplaced);
    }

    private static bool Covers(string path, string key) =>
        key == path || (key.StartsWith(path, StringComparison.Ordinal) && key.Length > path.Length && key[path.Length] is '.' or '[');
}
