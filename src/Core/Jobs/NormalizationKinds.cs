namespace TrainingService.Core.Jobs;

/// <summary>The normalisations a job may choose.</summary>
public static class NormalizationKinds
{
    public const string Dataset = "dataset";
    public const string Auto = "auto";
    public const string Custom = "custom";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Dataset, Auto, Custom, None];
}
