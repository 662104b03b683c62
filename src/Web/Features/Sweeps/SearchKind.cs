namespace TrainingService.Web.Features.Sweeps;

/// <summary>How one searched field's values are given: a list, or a range drawn from as the Api's <c>distribution</c> says.</summary>
public enum SearchKind
{
    Values,
    Uniform,
    LogUniform,
    Int,
}

public static class SearchKinds
{
    public static IReadOnlyList<SearchKind> All { get; } = Enum.GetValues<SearchKind>();

    /// <summary>The Api's <c>distribution</c>; a values list has none.</summary>
    public static string? Distribution(this SearchKind kind) => kind switch
    {
        SearchKind.Uniform => "uniform",
        SearchKind.LogUniform => "loguniform",
        SearchKind.Int => "int",
        _ => null,
    };

    public static SearchKind FromDistribution(string? distribution) => distribution?.ToLowerInvariant() switch
    {
        "uniform" => SearchKind.Uniform,
        "loguniform" => SearchKind.LogUniform,
        "int" => SearchKind.Int,
        _ => SearchKind.Values,
    };

    public static string Label(this SearchKind kind) => kind switch
    {
        SearchKind.Values => "values",
        SearchKind.Uniform => "uniform",
        SearchKind.LogUniform => "loguniform",
        _ => "int",
    };
}
