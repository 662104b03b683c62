using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>Checks the reduce-on-plateau part of a <see cref="ScheduleSpec"/> and fills torch's defaults.</summary>
internal static class PlateauRules
{
    /// <summary>The settings to use, or null when the mode or threshold mode could not be read.</summary>
    public static PlateauSettings? Check(ScheduleSpec spec, string prefix, ValidationErrors errors)
    {
        var mode = MetricRules.Check(spec.Monitor ?? ScheduleDefaults.Monitor, spec.Mode, $"{prefix}.monitor", $"{prefix}.mode", errors);
        var factor = spec.Factor ?? ScheduleDefaults.Factor;
        if (!(factor > 0 && factor < 1))
        {
            errors.Add($"{prefix}.factor", "must be a finite number greater than 0 and less than 1.");
        }
        var patience = spec.Patience ?? ScheduleDefaults.Patience;
        FieldChecks.AtLeast(patience, 0, $"{prefix}.patience", errors);
        var threshold = spec.Threshold ?? ScheduleDefaults.Threshold;
        FieldChecks.NonNegative(threshold, $"{prefix}.threshold", errors);
        var cooldown = spec.Cooldown ?? ScheduleDefaults.Cooldown;
        FieldChecks.AtLeast(cooldown, 0, $"{prefix}.cooldown", errors);
        var minRate = spec.MinRate ?? ScheduleDefaults.MinRate;
        FieldChecks.NonNegative(minRate, $"{prefix}.minRate", errors);
        ThresholdMode? thresholdMode = (spec.ThresholdMode ?? ScheduleDefaults.ThresholdMode).Trim().ToLowerInvariant() switch
        {
            "rel" => ThresholdMode.Relative,
            "abs" => ThresholdMode.Absolute,
            _ => null,
        };
        if (thresholdMode is null)
        {
            errors.Add($"{prefix}.thresholdMode", $"'{spec.ThresholdMode}' is not a threshold mode; use rel or abs.");
        }
        if (mode is not { } m || thresholdMode is not { } t)
        {
            return null;
        }
        return new PlateauSettings(m, factor, patience, threshold, t, cooldown, minRate);
    }
}
