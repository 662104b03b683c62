using System.Globalization;
using System.Text.Json.Nodes;

namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// What a person typed, as the JSON value of its field. Text that is not the number the field takes is sent as typed,
/// as a string, so that the Api refuses it naming the field rather than the form dropping it silently.
/// </summary>
public static class SpecValue
{
    private static readonly char[] ListSeparators = [',', ' ', ';'];

    /// <summary>Sizes may also be written as a shape, "224x224".</summary>
    private static readonly char[] SizeSeparators = [.. ListSeparators, 'x'];

    /// <returns><see langword="null"/> for empty text: the field is left out and the Api fills its default.</returns>
    public static JsonNode? Parse(string? text, FieldKind kind)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null;
        }

        return kind switch
        {
            FieldKind.Integer => Integer(trimmed) ?? JsonValue.Create(trimmed),
            FieldKind.Number => Number(trimmed) ?? JsonValue.Create(trimmed),
            FieldKind.Flag => trimmed switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => JsonValue.Create(trimmed),
            },
            FieldKind.IntegerList => List(trimmed, SizeSeparators, Integer),
            FieldKind.NumberList => List(trimmed, ListSeparators, Number),
            _ => JsonValue.Create(trimmed),
        };
    }

    private static JsonNode List(string text, char[] separators, Func<string, JsonNode?> item)
    {
        var parts = text.Trim('[', ']').Split(separators, StringSplitOptions.RemoveEmptyEntries);
        var items = parts.Select(item).ToList();
        return items.Count > 0 && items.All(i => i is not null) ? new JsonArray([.. items]) : JsonValue.Create(text);
    }

    private static JsonNode? Integer(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? JsonValue.Create(value) : null;

    private static JsonNode? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? JsonValue.Create(value)
            : null;
}
