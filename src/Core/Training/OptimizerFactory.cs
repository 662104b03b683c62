using TorchSharp.Modules;
using TrainingService.Core.Jobs;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>Creates the optimizer a job's hyperparameters name.</summary>
public static class OptimizerFactory
{
    public static optim.Optimizer Create(Hyperparameters h, IEnumerable<Parameter> parameters) => h.Optimizer switch
    {
        OptimizerNames.Sgd => optim.SGD(parameters, h.LearningRate, h.Momentum, weight_decay: h.WeightDecay),
        OptimizerNames.Adam => optim.Adam(parameters, h.LearningRate, weight_decay: h.WeightDecay),
        _ => throw new ArgumentException($"Unknown optimizer '{h.Optimizer}'.", nameof(h)),
    };
}
