namespace TrainingService.Core.Sweeps;

/// <summary>How a sweep draws its trials, spelled as the Api spells it.</summary>
public static class SweepMethods
{
    /// <summary>Every combination of the parameters' values, the first parameter varying slowest (as <c>itertools.product</c>).</summary>
    public const string Grid = "grid";

    /// <summary>Independent draws from each parameter, seeded.</summary>
    public const string Random = "random";
}
