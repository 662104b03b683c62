using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>Creates the schedule a <see cref="ScheduleSpec"/> describes, after checking it; no spec means a constant rate.</summary>
public static class ScheduleFactory
{
    public static ILearningRateSchedule Create(ScheduleSpec? spec, double baseRate, int epochs, int stepsPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
        if (spec is null)
        {
            return new ConstantSchedule(baseRate);
        }
        var errors = new ValidationErrors();
        ScheduleRules.Check(spec, baseRate, epochs, errors);
        RecipeErrors.ThrowIfAny(errors, nameof(spec));
        var gamma = spec.Gamma ?? ScheduleDefaults.Gamma;
        return ScheduleKinds.Normalize(spec.Kind) switch
        {
            ScheduleKinds.Constant => new ConstantSchedule(baseRate),
            ScheduleKinds.Step => new StepSchedule(baseRate, spec.StepSize!.Value, gamma),
            ScheduleKinds.MultiStep => new MultiStepSchedule(baseRate, spec.Milestones!, gamma),
            ScheduleKinds.Exponential => new ExponentialSchedule(baseRate, gamma),
            ScheduleKinds.Cosine => new CosineSchedule(baseRate, epochs, spec.MinRate ?? ScheduleDefaults.MinRate,
                spec.WarmupEpochs ?? ScheduleDefaults.WarmupEpochs),
            ScheduleKinds.OneCycle => new OneCycleSchedule(spec.MaxRate ?? baseRate, (long)epochs * stepsPerEpoch,
                spec.PctStart ?? ScheduleDefaults.PctStart, spec.DivFactor ?? ScheduleDefaults.DivFactor,
                spec.FinalDivFactor ?? ScheduleDefaults.FinalDivFactor),
            ScheduleKinds.ReduceOnPlateau => new ReduceOnPlateauSchedule(baseRate, PlateauRules.Check(spec, "schedule", new ValidationErrors())!),
            var other => throw new ArgumentException($"Unknown schedule '{other}'.", nameof(spec)),
        };
    }

    /// <summary>The metric the schedule's <see cref="ILearningRateSchedule.ObserveEpoch"/> must be fed, if any.</summary>
    public static string? MonitoredMetric(ScheduleSpec? spec) =>
        spec is not null && ScheduleKinds.Normalize(spec.Kind) == ScheduleKinds.ReduceOnPlateau
            ? spec.Monitor ?? ScheduleDefaults.Monitor
            : null;
}
