using static TorchSharp.torch;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Reads and sets the learning rate of every parameter group. TorchSharp's optimizers read
/// <c>ParamGroups[i].LearningRate</c> at each <c>step()</c>, so a rate set between batches takes effect
/// at the next step, which is how a schedule computed outside TorchSharp drives training.
/// </summary>
public static class OptimizerLearningRate
{
    public static IReadOnlyList<double> Read(optim.Optimizer optimizer) =>
        optimizer.ParamGroups.Select(group => group.LearningRate).ToArray();

    public static void Set(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }
}
