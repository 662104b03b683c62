using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>Checks a watched metric and its mode; a missing mode takes the metric's natural one.</summary>
public static class MetricRules
{
    /// <summary>Returns the mode to watch in, or null when the metric or mode was refused.</summary>
    public static MetricMode? Check(string? metric, string? mode, string metricField, string modeField, ValidationErrors errors)
    {
        if (metric is null || !MetricNames.All.Contains(metric))
        {
            errors.Add(metricField, $"'{metric}' is not a metric; use one of: {string.Join(", ", MetricNames.All)}.");
            return null;
        }
        if (mode is null)
        {
            return MetricNames.NaturalMode(metric);
        }
        if (MetricModeNames.TryParse(mode, out var parsed))
        {
            return parsed;
        }
        errors.Add(modeField, $"'{mode}' is not a mode; use {MetricModeNames.Min} or {MetricModeNames.Max}.");
        return null;
    }
}
