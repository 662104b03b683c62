namespace TrainingService.Core.Training.Recipe;

/// <summary>The API's spelling of <see cref="MetricMode"/>: <c>min</c> and <c>max</c>, as in torch and Lightning.</summary>
public static class MetricModeNames
{
    public const string Min = "min";
    public const string Max = "max";

    public static bool TryParse(string? name, out MetricMode mode)
    {
        switch ((name ?? string.Empty).Trim().ToLowerInvariant())
        {
            case Min:
                mode = MetricMode.Min;
                return true;
            case Max:
                mode = MetricMode.Max;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    public static string ToName(MetricMode mode) => mode == MetricMode.Min ? Min : Max;
}
