using System.Text.Json.Nodes;
using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;

namespace TrainingService.Core.Tests.Datasets;

public sealed class NormalizationCacheTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_second_call_for_the_same_split_reads_the_file_instead_of_computing()
    {
        using var split = Split(0, 255);
        var cache = new NormalizationCache(folder.Path);

        var first = cache.GetOrCompute("pets", split);
        PlantMean(0.125);
        var second = new NormalizationCache(folder.Path).GetOrCompute("PETS", split);

        Assert.Equal([0.5f], first.Mean);
        Assert.Equal([0.125f], second.Mean);
        Assert.Equal(["normalization.json"], folder.FilesIn("."));
    }

    [Fact]
    public void Different_content_of_the_same_size_or_another_dataset_name_is_computed_afresh()
    {
        using var split = Split(0, 255);
        using var changed = Split(255, 255);
        var cache = new NormalizationCache(folder.Path);
        cache.GetOrCompute("pets", split);
        PlantMean(0.125);

        var otherContent = cache.GetOrCompute("pets", changed);
        var otherName = cache.GetOrCompute("cars", split);

        Assert.Equal([1f], otherContent.Mean);
        Assert.Equal([0.5f], otherName.Mean);
    }

    private static LabeledImages Split(byte a, byte b) =>
        new(torch.tensor(new[] { a, b }).view(2, 1, 1, 1), torch.zeros(2, torch.ScalarType.Int64));

    private void PlantMean(double mean)
    {
        var path = Path.Combine(folder.Path, NormalizationCache.FileName);
        var entries = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        entries[0]!["mean"] = new JsonArray(mean);
        File.WriteAllText(path, entries.ToJsonString());
    }
}
