using System.Text.Json.Nodes;

namespace TrainingService.Faults.Harness;

/// <summary>The job specs the scenarios submit, as a client writes them.</summary>
public static class FaultJobs
{
    /// <summary>LeNet-5 on an MNIST subset: a few seconds per epoch on two cores, with restarts enough for the scenario's kills.</summary>
    public static JsonObject LeNet(string name, int epochs, int trainImages, int maxRestarts, long seed = 7) => Parse($$$"""
        {"name": "{{{name}}}", "model": {"name": "lenet5"},
         "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": {{{trainImages}}}, "validationLimit": 1000, "testLimit": 1000},
         "hyperparameters": {"epochs": {{{epochs}}}, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9,
                             "seed": {{{seed}}}, "maxRestarts": {{{maxRestarts}}}}}
        """);

    /// <summary>
    /// AlexNet for 32x32 on generated data: 36 M parameters, so its best, last and training checkpoints
    /// (144, 144 and 289 MB) take a noticeable time to write, and with a few batches an epoch (a quarter of the
    /// <paramref name="images"/> is held out for validation) they come often.
    /// </summary>
    public static JsonObject AlexNet(string name, int epochs, int maxRestarts, long seed = 7, int images = 64) => Parse($$$"""
        {"name": "{{{name}}}", "model": {"name": "alexnet-cifar10"},
         "dataset": {"name": "synthetic", "validationFraction": 0.25, "synthetic": {"trainSize": {{{images}}}, "testSize": 16}},
         "hyperparameters": {"epochs": {{{epochs}}}, "batchSize": 16, "learningRate": 0.01, "optimizer": "sgd", "momentum": 0.9,
                             "seed": {{{seed}}}, "maxRestarts": {{{maxRestarts}}}}}
        """);

    /// <summary>VGG-16 at its 224x224 input on generated data with batches of 4: seconds per batch on a CPU.</summary>
    public static JsonObject Vgg16(string name, long seed = 7) => Parse($$$"""
        {"name": "{{{name}}}", "model": {"name": "vgg16"},
         "dataset": {"name": "synthetic", "validationFraction": 0.25, "synthetic": {"height": 224, "width": 224, "trainSize": 64, "testSize": 16}},
         "hyperparameters": {"epochs": 2, "batchSize": 4, "learningRate": 0.01, "optimizer": "sgd", "momentum": 0.9, "seed": {{{seed}}}}}
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
