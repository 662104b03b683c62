namespace TrainingService.Core.Sweeps;

/// <summary>The ranges a searched field may be drawn from, spelled as the Api spells them.</summary>
public static class SearchDistributions
{
    public const string Uniform = "uniform";
    public const string LogUniform = "loguniform";

    /// <summary>Whole numbers from min to max, both included.</summary>
    public const string Int = "int";

    public static IReadOnlyList<string> All { get; } = [Uniform, LogUniform, Int];
}
