using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Core.Jobs;

namespace TrainingService.WorkerOverhead;

/// <summary>The one spec both sides train: the LeNet-5 on an MNIST subset, with fixed threads so both repeat.</summary>
internal static class OverheadSpec
{
    public static TrainingJobSpec For(OverheadOptions options, int round) => new(
        $"overhead round {round}",
        new ModelSpec(options.Model, 10),
        new DatasetSpec("mnist", 0.1, TrainLimit: options.TrainImages, ValidationLimit: 1000, TestLimit: 1000),
        new Hyperparameters(options.Epochs, options.BatchSize, 0.05, "sgd", 0.9, 0, 42) { Threads = options.Threads, Device = "cpu" });

    /// <summary>The spec as a client posts it (the service's own JSON convention).</summary>
    public static JsonObject Json(TrainingJobSpec spec) =>
        JsonNode.Parse(JsonSerializer.Serialize(spec, JobSpecJson.Options))!.AsObject();
}
