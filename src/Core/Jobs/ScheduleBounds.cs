using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>
/// Upper bounds for the schedule numbers that <see cref="ScheduleRules"/> only bounds from below: a finite
/// but absurd peak rate, divisor or floor would train nonsense rather than fail. A number the schedule rules
/// already refused is not named again.
/// </summary>
internal static class ScheduleBounds
{
    public static readonly NumberRange DivFactor = new(0, 1e6, MinExclusive: true);
    public static readonly NumberRange FinalDivFactor = new(0, 1e9, MinExclusive: true);
    public static readonly NumberRange Threshold = new(0, 1e6);

    public static NumberRange MaxRate(JobSpecLimits limits) => HyperparameterRules.LearningRate(limits);

    /// <summary>A floor above the starting rate would raise the rate at the first reduction.</summary>
    public static NumberRange MinRate(double learningRate) => new(0, learningRate);

    public static void Check(ScheduleSpec spec, double learningRate, JobSpecLimits limits, ValidationErrors errors, string prefix)
    {
        switch (ScheduleKinds.Normalize(spec.Kind))
        {
            case ScheduleKinds.OneCycle:
                TooLarge(spec.MaxRate, MaxRate(limits), $"{prefix}.maxRate", errors);
                TooLarge(spec.DivFactor, DivFactor, $"{prefix}.divFactor", errors);
                TooLarge(spec.FinalDivFactor, FinalDivFactor, $"{prefix}.finalDivFactor", errors);
                break;
            case ScheduleKinds.ReduceOnPlateau:
                TooLarge(spec.Threshold, Threshold, $"{prefix}.threshold", errors);
                TooLarge(spec.MinRate, MinRate(learningRate), $"{prefix}.minRate", errors);
                break;
        }
    }

    /// <summary>Names a finite value above the range; lower and non-finite ones are the schedule rules' to name.</summary>
    private static void TooLarge(double? value, NumberRange range, string field, ValidationErrors errors)
    {
        if (value is { } given && double.IsFinite(given) && given > range.Max)
        {
            errors.Add(field, range.Reason);
        }
    }
}
