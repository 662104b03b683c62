using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Cifar;
using TrainingService.Core.Datasets.Synthetic;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Training;

namespace TrainingService.Core.Tests.Training;

/// <summary>
/// The real executor over a temporary storage root: a CIFAR-10 binary file set generated in the exact
/// format (100 records per file instead of 10,000) and the built-in synthetic dataset.
/// </summary>
internal sealed class ExecutorHarness : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("executor-tests-");

    /// <param name="progressInterval">How often the executor reports batch progress; zero reports every batch.</param>
    public ExecutorHarness(TimeSpan? progressInterval = null)
    {
        Storage = new StorageOptions { CheckpointRoot = Path.Combine(_root.FullName, "checkpoints"), DatasetRoot = Path.Combine(_root.FullName, "datasets") };
        var definition = Cifar10Dataset.Definition with { RecordsPerFile = null };
        WriteCifarFiles(Path.Combine(Storage.DatasetRoot, definition.Info.Name, definition.BatchesFolder), definition);
        Datasets = new DatasetRegistry();
        Datasets.Register(new CifarDatasetSource(definition, new DatasetFileStore(Storage.DatasetRoot)));
        Datasets.Register(new SyntheticDatasetSource(new SyntheticDatasetSpec()));
        Executor = new TrainingJobExecutor(Datasets, new NetworkPlanner(ModelRegistry.CreateDefault()), new CheckpointWriter(),
            new TrainingOptions { Device = "cpu", BatchProgressInterval = progressInterval ?? new TrainingOptions().BatchProgressInterval }, Storage);
    }

    public StorageOptions Storage { get; }
    public DatasetRegistry Datasets { get; }
    public TrainingJobExecutor Executor { get; }

    /// <summary>Trains a fresh job to the end, with no stop requested.</summary>
    public async Task<TrainingOutcome> TrainAsync(TrainingJobSpec spec, ITrainingObserver observer, Guid? jobId = null)
    {
        var result = await Executor.RunAsync(new TrainingRequest(jobId ?? Guid.NewGuid(), 1, spec, null, null), observer, CancellationToken.None);
        return result.Outcome ?? throw new InvalidOperationException("The run stopped although no stop was requested.");
    }

    private static void WriteCifarFiles(string folder, CifarDatasetDefinition definition)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(5);
        foreach (var file in definition.TrainFiles.Append(definition.TestFile))
        {
            var records = new byte[100 * 3073];
            random.NextBytes(records);
            for (var r = 0; r < 100; r++) records[r * 3073] = (byte)(r % 10);
            File.WriteAllBytes(Path.Combine(folder, file), records);
        }
        File.WriteAllLines(Path.Combine(folder, definition.MetaFile), definition.Info.ClassNames);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
