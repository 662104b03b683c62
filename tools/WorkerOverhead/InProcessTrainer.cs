using TrainingService.Core;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Training;

namespace TrainingService.WorkerOverhead;

/// <summary>
/// The Worker's own <see cref="TrainingJobExecutor"/> in this bare console process: the same data, split, pipeline,
/// network, optimizer, checkpoints and images/s figure as the job, without the host, Hangfire, heartbeats or database.
/// </summary>
internal sealed class InProcessTrainer(string datasetRoot, int threads) : IDisposable
{
    private readonly DirectoryInfo _checkpoints = Directory.CreateTempSubdirectory("overhead-checkpoints-");

    public async Task<IReadOnlyList<EpochMetrics>> TrainAsync(TrainingJobSpec spec)
    {
        var storage = new StorageOptions { CheckpointRoot = _checkpoints.FullName, DatasetRoot = datasetRoot };
        var executor = new TrainingJobExecutor(DatasetRegistry.CreateDefault(new DatasetFileStore(datasetRoot)),
            new NetworkPlanner(ModelRegistry.CreateDefault()), new CheckpointWriter(),
            new TrainingOptions { Device = "cpu", CpuThreads = threads }, storage);
        var observer = new EpochCollector();
        var jobId = Guid.NewGuid();
        var result = await executor.RunAsync(new TrainingRequest(jobId, 1, spec, null, null), observer, CancellationToken.None);
        Directory.Delete(storage.CheckpointFolder(jobId), recursive: true);
        return result.Outcome is null ? throw new InvalidOperationException("The in-process run stopped unasked.") : observer.Epochs;
    }

    public void Dispose() => _checkpoints.Delete(recursive: true);

    private sealed class EpochCollector : ITrainingObserver
    {
        public List<EpochMetrics> Epochs { get; } = [];

        public void OnBatchCompleted(BatchProgress progress)
        {
        }

        public Task OnResolvedAsync(JobResolution resolution, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken)
        {
            Epochs.Add(epoch.Metrics);
            return Task.CompletedTask;
        }

        public Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
