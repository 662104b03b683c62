using TrainingService.Core.Jobs;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Synthetic;

/// <summary>
/// Seeded random images of any shape and class count, for networks whose real data is not at hand
/// (ImageNet-size inputs). Each class has a random prototype and a sample is 60% prototype, 40%
/// noise, so a network can learn it and a curve shows learning; the same spec gives the same data.
/// </summary>
public sealed class SyntheticDatasetSource(SyntheticDatasetSpec spec) : IConfigurableDatasetSource
{
    public const string Name = "synthetic";

    public DatasetInfo Info { get; } = new(Name, "Synthetic images", spec.Channels, spec.Height, spec.Width,
        Enumerable.Range(0, spec.NumClasses).Select(c => $"class {c}").ToArray(), spec.TrainSize, spec.TestSize,
        Enumerable.Repeat(0.5f, spec.Channels).ToArray(), Enumerable.Repeat(0.25f, spec.Channels).ToArray(),
        "generated from a seed; no download");

    public IDatasetSource Configure(DatasetSpec dataset) => new SyntheticDatasetSource(dataset.Synthetic ?? new SyntheticDatasetSpec());

    public Task<DatasetSplits> LoadAsync(CancellationToken ct)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(unchecked((ulong)spec.Seed));
        var prototypes = rand([spec.NumClasses, spec.Channels, spec.Height, spec.Width], generator: generator);
        var train = Generate(prototypes, spec.TrainSize, generator);
        ct.ThrowIfCancellationRequested();
        var test = Generate(prototypes, spec.TestSize, generator);
        return Task.FromResult(new DatasetSplits(train, test));
    }

    private LabeledImages Generate(Tensor prototypes, int count, Generator generator)
    {
        var labels = randint(0, spec.NumClasses, [count], dtype: int64, generator: generator);
        var noise = rand([count, spec.Channels, spec.Height, spec.Width], generator: generator);
        var images = (prototypes.index_select(0, labels) * 0.6 + noise * 0.4).mul(255).round().to(uint8);
        return new LabeledImages(images, labels);
    }
}
