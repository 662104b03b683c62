using System.Globalization;
using System.Text.Json;
using TrainingService.Contracts.Sweeps;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>One searched field as the form edits it: a path, a kind, and either a comma-separated values list or a range.</summary>
public sealed class SweepParameterRow
{
    /// <summary>Identifies the row while rows are added and removed above it.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    public string Path { get; set; } = "";

    public SearchKind Kind { get; set; } = SearchKind.Values;

    /// <summary>Comma-separated; each item is read as JSON (<c>0.1</c>, <c>true</c>, <c>"sgd"</c>) and otherwise as text, so <c>sgd, adam</c> works too.</summary>
    public string ValuesText { get; set; } = "";

    public double? Min { get; set; }

    public double? Max { get; set; }

    public IReadOnlyList<JsonElement> Values() =>
        [.. ValuesText.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).Select(Value)];

    /// <summary>How many trials a grid makes of this row; <see langword="null"/> for a continuous range, which a grid cannot enumerate.</summary>
    public long? GridPoints() => Kind switch
    {
        SearchKind.Values => Values().Count,
        SearchKind.Int when Min is { } min && Max is { } max && max >= min => (long)Math.Floor(max) - (long)Math.Ceiling(min) + 1,
        SearchKind.Int => 0,
        _ => null,
    };

    public SearchParameterSubmission ToSubmission() => Kind == SearchKind.Values
        ? new SearchParameterSubmission(Values(), null, null, null)
        : new SearchParameterSubmission(null, Kind.Distribution(), Min, Max);

    public static SweepParameterRow From(string path, SearchParameterSubmission parameter) => new()
    {
        Path = path,
        Kind = parameter.Values is { } ? SearchKind.Values : SearchKinds.FromDistribution(parameter.Distribution),
        ValuesText = parameter.Values is { } values ? string.Join(", ", values.Select(v => v.GetRawText())) : "",
        Min = parameter.Min,
        Max = parameter.Max,
    };

    private static JsonElement Value(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }

    /// <summary>A number as the values list writes it: short, invariant, round-trippable.</summary>
    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
