using System.Text.Json;

namespace TrainingService.Web.Features.Compare;

/// <summary>
/// The fields in which job specs differ, by dotted path (<c>hyperparameters.learningRate</c>, <c>model.custom[2].out</c>).
/// Specs are flattened to their leaves, so a change deep in a list or object is named where it happens; an empty object
/// or list is a leaf of its own, and a field one spec has and another lacks differs.
/// </summary>
public static class SpecDiff
{
    /// <returns>The differing fields in the order they first appear in the specs; empty when all specs are the same.</returns>
    public static IReadOnlyList<SpecDifference> Between(IReadOnlyList<JsonElement> specs)
    {
        var flattened = specs.Select(Flatten).ToList();
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaves in flattened)
        {
            paths.AddRange(leaves.Keys.Where(seen.Add));
        }

        return
        [
            .. paths
                .Select(path => new SpecDifference(path, [.. flattened.Select(leaves => leaves.GetValueOrDefault(path))]))
                .Where(difference => difference.Values.Distinct(StringComparer.Ordinal).Skip(1).Any()),
        ];
    }

    /// <returns>Each leaf's path and its value as compact JSON, in document order.</returns>
    public static IReadOnlyDictionary<string, string> Flatten(JsonElement spec)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(spec, "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.EnumerateObject().Any():
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", leaves);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() > 0:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", leaves);
                }

                break;
            case JsonValueKind.Undefined:
                break;
            default:
                // Compact text, so "0.10" and 0.1 differ as the specs do, and formatting never does.
                leaves[path.Length == 0 ? "$" : path] = JsonSerializer.Serialize(element);
                break;
        }
    }
}
