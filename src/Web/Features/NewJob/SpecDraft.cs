using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// The job specification being written, as the JSON document that will be sent: the form's inputs read and write its
/// fields by dotted path (<c>hyperparameters.learningRate</c>, <c>model.custom[2].out</c>), so what is shown as JSON,
/// what is validated and what is submitted are one thing. A field left empty is absent, and the Api fills its default.
/// Members the form has no input for (from a stored spec, say) are kept as they are.
/// </summary>
public sealed class SpecDraft
{
    private readonly JsonObject root;

    private SpecDraft(JsonObject root) => this.root = root;

    /// <summary>Counts changes, so a validation answer can be matched to the draft it was asked for.</summary>
    public int Version { get; private set; }

    public static SpecDraft From(JsonObject spec) => new(WithoutNulls(spec));

    /// <summary>A stored job's spec (every default filled in), to run again under a name that says so.</summary>
    public static SpecDraft FromStoredSpec(JsonElement spec, string nameSuffix)
    {
        var draft = spec.ValueKind == JsonValueKind.Object
            ? From(JsonNode.Parse(spec.GetRawText())!.AsObject())
            : new SpecDraft([]);
        if (draft.Get("name") is JsonValue name && name.TryGetValue(out string? text))
        {
            draft.Set("name", JsonValue.Create(text + nameSuffix));
        }

        draft.Version = 0;
        return draft;
    }

    public JsonNode? Get(string path)
    {
        JsonNode? node = root;
        foreach (var step in SpecPath.Parse(path))
        {
            node = step.Index is { } index
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : node is JsonObject obj && obj.TryGetPropertyValue(step.Name!, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Sets a field, creating the objects on its way; <see langword="null"/> removes it, and parents left empty with it.</summary>
    public void Set(string path, JsonNode? value)
    {
        var steps = SpecPath.Parse(path);
        if (value is null)
        {
            Remove(steps);
        }
        else
        {
            if (Container(steps, create: true) is { } parent)
            {
                Assign(parent, steps[^1], value.Parent is null ? value : value.DeepClone());
            }
        }

        Version++;
    }

    /// <summary>The list at <paramref name="path"/>, empty when there is none.</summary>
    public IReadOnlyList<JsonObject> Rows(string path) =>
        Get(path) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    public void AddRow(string path, JsonObject row)
    {
        if (Get(path) is JsonArray array)
        {
            array.Add(row);
            Version++;
        }
        else
        {
            Set(path, new JsonArray(row));
        }
    }

    public void RemoveRow(string path, int index)
    {
        if (Get(path) is JsonArray array && index >= 0 && index < array.Count)
        {
            array.RemoveAt(index);
            if (array.Count == 0)
            {
                Set(path, null);
                return;
            }

            Version++;
        }
    }

    /// <summary>Swaps a row with its neighbour; <paramref name="offset"/> is -1 (up) or +1 (down).</summary>
    public void MoveRow(string path, int index, int offset)
    {
        var target = index + offset;
        if (Get(path) is JsonArray array && index >= 0 && index < array.Count && target >= 0 && target < array.Count)
        {
            var row = array[index]!;
            array.RemoveAt(index);
            array.Insert(target, row);
            Version++;
        }
    }

    /// <summary>The value as a person reads it in an input: numbers invariant, lists comma-separated, absent as empty.</summary>
    public string Text(string path) => TextOf(Get(path));

    public static string TextOf(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Join(", ", array.Select(TextOf)),
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value when value.TryGetValue(out bool flag) => flag ? "true" : "false",
        JsonValue value when value.TryGetValue(out double number) => number.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>The document exactly as it is sent.</summary>
    public string ToJson(bool indented = false) => root.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    public JsonObject ToJsonObject() => root.DeepClone().AsObject();

    private void Remove(IReadOnlyList<SpecPath.Step> steps)
    {
        for (var depth = steps.Count; depth > 0; depth--)
        {
            var parent = Container(steps.Take(depth).ToList(), create: false);
            var step = steps[depth - 1];
            switch (parent)
            {
                case JsonObject obj when step.Name is { } name:
                    obj.Remove(name);
                    break;
                case JsonArray array when step.Index is { } index && index < array.Count:
                    array.RemoveAt(index);
                    break;
                default:
                    return;
            }

            // Only an object emptied by this removal goes too: an empty list or a field at the root is the user's.
            if (depth == 1 || parent is not JsonObject { Count: 0 })
            {
                return;
            }
        }
    }

    /// <summary>The object or list that holds the last step of <paramref name="steps"/>.</summary>
    private JsonNode? Container(IReadOnlyList<SpecPath.Step> steps, bool create)
    {
        JsonNode node = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            var child = step.Index is { } index
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : node is JsonObject obj && obj.TryGetPropertyValue(step.Name!, out var found) ? found : null;
            if (child is null or JsonValue)
            {
                if (!create || step.Name is null)
                {
                    return null;
                }

                child = new JsonObject();
                ((JsonObject)node)[step.Name] = child;
            }

            node = child;
        }

        return node;
    }

    private static void Assign(JsonNode parent, SpecPath.Step step, JsonNode value)
    {
        if (step.Index is { } index && parent is JsonArray array && index < array.Count)
        {
            array[index] = value;
        }
        else if (step.Name is { } name && parent is JsonObject obj)
        {
            obj[name] = value;
        }
    }

    private static JsonObject WithoutNulls(JsonObject source)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in source)
        {
            if (Pruned(value) is { } kept)
            {
                copy[name] = kept;
            }
        }

        return copy;
    }

    private static JsonNode? Pruned(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => WithoutNulls(obj),
        JsonArray array => new JsonArray([.. array.Select(Pruned)]),
        _ => node.DeepClone(),
    };
}
