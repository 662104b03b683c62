namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// The Api's validation problems placed next to the form fields their keys name. A key belongs to the field whose
/// key it is or lies under (<c>parameters.hyperparameters.learningRate.values[2]</c> under the learning-rate row);
/// the longest such field wins, and a key no field claims is shown with the form's other problems.
/// </summary>
public sealed class FieldProblems
{
    private readonly IReadOnlyDictionary<string, string[]> errors;
    private readonly IReadOnlyList<string> fields;

    /// <param name="fields">The keys the form has a place for, e.g. <c>base</c>, <c>maxTrials</c>, <c>parameters.&lt;path&gt;</c>.</param>
    public FieldProblems(IReadOnlyDictionary<string, string[]> errors, IEnumerable<string> fields)
    {
        this.errors = errors;
        this.fields = [.. fields.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
    }

    public static FieldProblems None { get; } = new(new Dictionary<string, string[]>(), []);

    public bool Any => errors.Count > 0;

    /// <summary>The problems of <paramref name="field"/>, each prefixed by the rest of its key (<c>min: must be greater than 0</c>).</summary>
    public IReadOnlyList<string> For(string field) =>
        [.. errors.Where(e => FieldOf(e.Key) == field).SelectMany(e => e.Value.Select(reason => Describe(e.Key[field.Length..], reason)))];

    /// <summary>The problems no field of the form claims, with their whole key.</summary>
    public IReadOnlyList<string> Unplaced() =>
        [.. errors.Where(e => FieldOf(e.Key) is null).SelectMany(e => e.Value.Select(reason => Describe(e.Key, reason)))];

    private string? FieldOf(string key) => fields.FirstOrDefault(field => IsUnder(key, field));

    private static bool IsUnder(string key, string field) =>
        key.StartsWith(field, StringComparison.Ordinal)
        && (key.Length == field.Length || key[field.Length] is '.' or '[');

    private static string Describe(string rest, string reason)
    {
        var where = rest.TrimStart('.');
        return where.Length == 0 ? reason : $"{where}: {reason}";
    }
}
