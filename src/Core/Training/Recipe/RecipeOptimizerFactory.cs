using TorchSharp.Modules;
using TrainingService.Core.Jobs;
using static TorchSharp.torch;

namespace TrainingService.Core.Training.Recipe;

/// <summary>Creates the TorchSharp optimizer an <see cref="OptimizerSpec"/> describes, after checking it.</summary>
public static class RecipeOptimizerFactory
{
    public static optim.Optimizer Create(OptimizerSpec spec, IEnumerable<Parameter> parameters)
    {
        var errors = new ValidationErrors();
        OptimizerRules.Check(spec, errors);
        RecipeErrors.ThrowIfAny(errors, nameof(spec));
        var (rate, decay) = (spec.LearningRate, spec.EffectiveWeightDecay);
        return OptimizerKinds.Normalize(spec.Name) switch
        {
            OptimizerKinds.Sgd => optim.SGD(parameters, rate, spec.Momentum, spec.Dampening, decay, spec.Nesterov),
            OptimizerKinds.Adam => optim.Adam(parameters, rate, spec.Beta1, spec.Beta2, spec.Eps, decay),
            OptimizerKinds.AdamW => optim.AdamW(parameters, rate, spec.Beta1, spec.Beta2, spec.Eps, decay),
            OptimizerKinds.RmsProp => optim.RMSProp(parameters, rate, spec.Alpha, spec.Eps, decay, spec.Momentum),
            var other => throw new ArgumentException($"Unknown optimizer '{other}'.", nameof(spec)),
        };
    }
}
