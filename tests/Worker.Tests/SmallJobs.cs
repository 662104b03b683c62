using TrainingService.Core.Jobs;

namespace TrainingService.Worker.Tests;

/// <summary>LeNet-5 on a small MNIST subset: a real job that trains in seconds on two cores.</summary>
internal static class SmallJobs
{
    public static TrainingJobSpec LeNetOnMnistSubset(int epochs = 2) => new(
        "small lenet",
        new ModelSpec("lenet5", 10),
        new DatasetSpec("mnist", 0.1, TrainLimit: 1024, ValidationLimit: 256, TestLimit: 256),
        new Hyperparameters(epochs, 64, 0.05, "sgd", 0.9, 0, 7));
}
