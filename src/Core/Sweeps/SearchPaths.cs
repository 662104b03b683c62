using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;

namespace TrainingService.Core.Sweeps;

/// <summary>Dotted paths into a <see cref="JobSubmission"/> as the job API spells them (<c>hyperparameters.learningRate</c>).</summary>
public static class SearchPaths
{
    /// <summary>Set per trial to "&lt;sweep name&gt; #n"; a sweep cannot search it.</summary>
    public const string TrialName = "name";

    /// <summary>The type of the field <paramref name="path"/> names, or null with the reason it names none.</summary>
    public static (Type? Field, string? Problem) Resolve(string path)
    {
        if (path == TrialName) return (null, "is the trial's name, which a sweep sets to \"<sweep name> #n\".");
        var type = typeof(JobSubmission);
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == segments[i]);
            if (property is null)
            {
                var known = string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)));
                var where = i == 0 ? "a job submission" : string.Join('.', segments[..i]);
                return (null, $"does not name a field of a job submission: {where} has no '{segments[i]}' (it has {known}).");
            }
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (i < segments.Length - 1 && !IsObject(type))
            {
                return (null, $"does not name a field of a job submission: {string.Join('.', segments[..(i + 1)])} is not an object.");
            }
        }
        return (type, null);
    }

    public static bool IsWholeNumber(Type field) => field == typeof(int) || field == typeof(long);

    public static bool IsNumber(Type field) => IsWholeNumber(field) || field == typeof(double) || field == typeof(float);

    /// <summary>A copy of <paramref name="submission"/> with each value set at its path (objects on the way created), and the name set.</summary>
    public static JsonObject With(JsonElement submission, IEnumerable<ParameterValue> values, string? name)
    {
        var root = JsonNode.Parse(submission.GetRawText()) as JsonObject ?? [];
        foreach (var value in values)
        {
            var segments = value.Path.Split('.');
            var node = root;
            foreach (var segment in segments[..^1])
            {
                if (node[segment] is not JsonObject child)
                {
                    child = [];
                    node[segment] = child;
                }
                node = child;
            }
            node[segments[^1]] = JsonNode.Parse(value.Value.GetRawText());
        }
        if (name is not null) root[TrialName] = name;
        return root;
    }

    /// <summary>The value at <paramref name="path"/> of a stored spec, read the way the job API writes it; null where it has none.</summary>
    public static JsonElement? Read(TrainingJobSpec spec, string path)
    {
        var node = JsonSerializer.SerializeToNode(spec, JobSpecJson.Options);
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null) return null;
        }
        return JsonSerializer.SerializeToElement(node);
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
