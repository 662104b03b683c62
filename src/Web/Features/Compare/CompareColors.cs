namespace TrainingService.Web.Features.Compare;

/// <summary>One colour per compared job, the same in every chart and table; more jobs than colours reuse them in order.</summary>
public static class CompareColors
{
    // Tableau 10: distinct for most colour vision, and none is the grey of the resume markers.
    private static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static string For(int index) => Palette[index % Palette.Length];
}
