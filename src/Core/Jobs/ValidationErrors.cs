namespace TrainingService.Core.Jobs;

/// <summary>Collects reasons per field path, in the shape RFC 7807 validation problems use.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Values.Sum(reasons => reasons.Count);

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            _errors[field] = reasons;
        }
        reasons.Add(reason);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
