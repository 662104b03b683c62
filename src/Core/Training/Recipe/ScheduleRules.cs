using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Checks a <see cref="ScheduleSpec"/> against the job's learning rate and epoch count. Beyond torch's
/// own checks it refuses settings that would silently do nothing or run the wrong way: a milestone
/// after the last epoch, a cosine floor above the starting rate, a factor above 1.
/// </summary>
public static class ScheduleRules
{
    public static void Check(ScheduleSpec spec, double baseRate, int epochs, ValidationErrors errors, string prefix = "schedule")
    {
        var checks = new ScheduleChecks(prefix, errors);
        switch (ScheduleKinds.Normalize(spec.Kind))
        {
            case ScheduleKinds.Constant:
                break;
            case ScheduleKinds.Step:
                checks.StepSize(spec.StepSize);
                checks.Gamma(spec.Gamma ?? ScheduleDefaults.Gamma);
                break;
            case ScheduleKinds.MultiStep:
                checks.Milestones(spec.Milestones, epochs);
                checks.Gamma(spec.Gamma ?? ScheduleDefaults.Gamma);
                break;
            case ScheduleKinds.Exponential:
                checks.RequiredGamma(spec.Gamma);
                break;
            case ScheduleKinds.Cosine:
                checks.Cosine(spec.WarmupEpochs ?? ScheduleDefaults.WarmupEpochs, spec.MinRate ?? ScheduleDefaults.MinRate, baseRate, epochs);
                break;
            case ScheduleKinds.OneCycle:
                FieldChecks.Positive(spec.MaxRate ?? baseRate, $"{prefix}.maxRate", errors);
                FieldChecks.Between(spec.PctStart ?? ScheduleDefaults.PctStart, 0, 1, $"{prefix}.pctStart", errors);
                FieldChecks.Positive(spec.DivFactor ?? ScheduleDefaults.DivFactor, $"{prefix}.divFactor", errors);
                FieldChecks.Positive(spec.FinalDivFactor ?? ScheduleDefaults.FinalDivFactor, $"{prefix}.finalDivFactor", errors);
                break;
            case ScheduleKinds.ReduceOnPlateau:
                PlateauRules.Check(spec, prefix, errors);
                break;
            default:
                errors.Add($"{prefix}.kind", $"'{spec.Kind}' is not supported; use one of: {string.Join(", ", ScheduleKinds.All)}.");
                break;
        }
    }
}
