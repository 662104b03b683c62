using System.Text.Json;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// The numeric and choice fields of a job submission (docs/api.md, "Job specification") that a sweep may search,
/// plus any other number the base spec holds, so the picker also lists fields this list does not know yet.
/// </summary>
public static class SearchableFields
{
    private static readonly IReadOnlyList<string> None = [];

    public static IReadOnlyList<SearchableField> Known { get; } =
    [
        new("hyperparameters.learningRate", SearchKind.LogUniform, None),
        new("hyperparameters.batchSize", SearchKind.Values, None),
        new("hyperparameters.epochs", SearchKind.Values, None),
        new("hyperparameters.optimizer", SearchKind.Values, ["sgd", "adam", "adamw", "rmsprop"]),
        new("hyperparameters.momentum", SearchKind.Uniform, None),
        new("hyperparameters.weightDecay", SearchKind.LogUniform, None),
        new("hyperparameters.labelSmoothing", SearchKind.Uniform, None),
        new("hyperparameters.gradientClipNorm", SearchKind.LogUniform, None),
        new("hyperparameters.nesterov", SearchKind.Values, ["true", "false"]),
        new("hyperparameters.dampening", SearchKind.Uniform, None),
        new("hyperparameters.beta1", SearchKind.Uniform, None),
        new("hyperparameters.beta2", SearchKind.Uniform, None),
        new("hyperparameters.eps", SearchKind.LogUniform, None),
        new("hyperparameters.alpha", SearchKind.Uniform, None),
        new("hyperparameters.seed", SearchKind.Int, None),
        new("model.name", SearchKind.Values, None),
        new("model.init", SearchKind.Values, ["default", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "normal"]),
        new("dataset.trainLimit", SearchKind.Values, None),
        new("dataset.validationFraction", SearchKind.Uniform, None),
    ];

    /// <summary>The known fields, then every other number in <paramref name="baseSpec"/> by its dotted path.</summary>
    public static IReadOnlyList<SearchableField> For(JsonElement? baseSpec)
    {
        var fields = Known.ToList();
        if (baseSpec is { ValueKind: JsonValueKind.Object } spec)
        {
            var known = Known.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            fields.AddRange(NumberPaths(spec, prefix: "")
                .Where(path => !known.Contains(path))
                .Select(path => new SearchableField(path, SearchKind.Values, None)));
        }

        return fields;
    }

    public static SearchableField? Find(string path) => Known.FirstOrDefault(f => f.Path == path);

    private static IEnumerable<string> NumberPaths(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                yield return path;
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var nested in NumberPaths(property.Value, path))
                {
                    yield return nested;
                }
            }
        }
    }
}
