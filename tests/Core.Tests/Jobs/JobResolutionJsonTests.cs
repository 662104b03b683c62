using System.Text.Json;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.PyTorch;
using TrainingService.Core.Tests.Models;

namespace TrainingService.Core.Tests.Jobs;

/// <summary>A job's stored resolution brings back exactly the network it was resolved to, whichever the zoo entry.</summary>
public sealed class JobResolutionJsonTests
{
    private static readonly DatasetInfo Mnist = new("mnist", "MNIST", 1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => i.ToString())], 60000, 10000,
        [0.1307f], [0.3081f], "test");

    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_zoo_network_survives_the_stored_form_unchanged(string name)
    {
        var definition = ZooModels.Definition(name);
        var network = definition.Describe(definition.DefaultOptions);

        var restored = RoundTrip(new JobResolution(network, Mnist, new NormalizationStatistics([0.5f], [0.25f])));

        Assert.Equal(PyTorchSourceEmitter.Emit(network), PyTorchSourceEmitter.Emit(restored.Network));
        Assert.Equal(network.Input, restored.Network.Input);
        Assert.Equal([0.25f], restored.Normalization!.Std);
        Assert.Equal(Mnist.ClassNames, restored.Dataset.ClassNames);
    }

    private static JobResolution RoundTrip(JobResolution resolution) =>
        JsonSerializer.Deserialize<JobResolution>(JsonSerializer.Serialize(resolution, JobResolutionJson.Options), JobResolutionJson.Options)!;
}
