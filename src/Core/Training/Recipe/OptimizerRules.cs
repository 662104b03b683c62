using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Checks an <see cref="OptimizerSpec"/> the way <c>torch.optim</c>'s constructors do, plus upper
/// bounds torch leaves open (momentum below 1) so a job fails at submission, not after an epoch of NaN.
/// Reasons are keyed by <c>prefix.field</c>.
/// </summary>
public static class OptimizerRules
{
    public static void Check(OptimizerSpec spec, ValidationErrors errors, string prefix = "optimizer")
    {
        var name = OptimizerKinds.Normalize(spec.Name);
        if (!OptimizerKinds.All.Contains(name))
        {
            errors.Add($"{prefix}.name", $"'{spec.Name}' is not supported; use one of: {string.Join(", ", OptimizerKinds.All)}.");
            return;
        }
        FieldChecks.Positive(spec.LearningRate, $"{prefix}.learningRate", errors);
        if (spec.WeightDecay is { } decay)
        {
            FieldChecks.NonNegative(decay, $"{prefix}.weightDecay", errors);
        }
        if (name == OptimizerKinds.Sgd)
        {
            CheckSgd(spec, errors, prefix);
            return;
        }
        RefuseSgdOnly(spec, name, errors, prefix);
        FieldChecks.NonNegative(spec.Eps, $"{prefix}.eps", errors);
        if (name == OptimizerKinds.RmsProp)
        {
            FieldChecks.Fraction(spec.Momentum, $"{prefix}.momentum", errors);
            FieldChecks.Fraction(spec.Alpha, $"{prefix}.alpha", errors);
            return;
        }
        if (spec.Momentum != 0)
        {
            errors.Add($"{prefix}.momentum", $"applies to sgd and rmsprop only; {name} takes beta1 and beta2.");
        }
        FieldChecks.Fraction(spec.Beta1, $"{prefix}.beta1", errors);
        FieldChecks.Fraction(spec.Beta2, $"{prefix}.beta2", errors);
    }

    private static void CheckSgd(OptimizerSpec spec, ValidationErrors errors, string prefix)
    {
        FieldChecks.Fraction(spec.Momentum, $"{prefix}.momentum", errors);
        FieldChecks.Between(spec.Dampening, 0, 1, $"{prefix}.dampening", errors);
        if (spec.Nesterov && !(spec.Momentum > 0 && spec.Dampening == 0))
        {
            errors.Add($"{prefix}.nesterov", "requires a momentum greater than 0 and a dampening of 0.");
        }
    }

    private static void RefuseSgdOnly(OptimizerSpec spec, string name, ValidationErrors errors, string prefix)
    {
        if (spec.Nesterov)
        {
            errors.Add($"{prefix}.nesterov", $"applies to sgd only, not {name}.");
        }
        if (spec.Dampening != 0)
        {
            errors.Add($"{prefix}.dampening", $"applies to sgd only, not {name}.");
        }
    }
}
