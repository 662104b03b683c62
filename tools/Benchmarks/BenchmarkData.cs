using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Synthetic;

namespace TrainingService.Benchmarks;

/// <summary>Loads the training split the benchmark feeds, through the same dataset sources the worker uses.</summary>
internal static class BenchmarkData
{
    /// <summary>Only the generated images are made here; a named dataset is read (and verified) from the data root, never downloaded.</summary>
    public static IDatasetSource Source(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dataset == BenchmarkOptions.SyntheticCifar)
        {
            // CIFAR-10's shape and class count; no CIFAR files need be on the machine.
            return new SyntheticDatasetSource(new SyntheticDatasetSpec(
                Channels: 3, Height: 32, Width: 32, NumClasses: 10, TrainSize: options.SyntheticImages, TestSize: 1, Seed: options.Seed));
        }

        var root = options.DataRoot ?? Path.Combine(RepositoryRoot.Find(), ".data", "datasets");
        return DatasetRegistry.CreateDefault(new DatasetFileStore(root)).Get(options.Dataset);
    }
}
