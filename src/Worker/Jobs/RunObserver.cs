using TrainingService.Core;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Sweeps;
using TrainingService.Core.Training;
using TrainingService.Worker.Events;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// Stores what a run produces (each checkpoint file in the artifact store, then the rows that point at them with their
/// NOTIFYs), passes batch progress to the publisher, and after each store deletes the job's checkpoint files no row
/// points at any more (superseded ones, and those a lost attempt left behind), here and in the artifact store.
/// </summary>
public sealed class RunObserver(JobRun run, JobLifecycle lifecycle, TrainingRecords records, BatchProgressPublisher progress, StorageOptions storage,
    CheckpointArtifacts artifacts, AshaReferee asha, ILogger logger) : ITrainingObserver
{
    public void OnBatchCompleted(BatchProgress p) =>
        progress.Publish(new BatchProgressEvent(run.JobId, p.Epoch, p.Batch, p.BatchesPerEpoch, p.Loss, p.Accuracy));

    public Task OnResolvedAsync(JobResolution resolution, CancellationToken cancellationToken) =>
        lifecycle.StoreResolutionAsync(run, resolution, cancellationToken);

    public async Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken)
    {
        foreach (var checkpoint in epoch.Checkpoints)
        {
            await artifacts.PutAsync(checkpoint.File.Path, cancellationToken);
        }
        await records.CommitEpochAsync(run, epoch, storage.CheckpointRoot, cancellationToken);
        await DeleteUnreferencedFilesAsync(cancellationToken);
        // A stop is a cancel request through the job row and the control channel: the run ends at the next batch boundary.
        if (await asha.DecideAsync(run, cancellationToken) is { } rung)
        {
            logger.LogInformation("Trial {JobId} stopped by ASHA at rung {Rung} after epoch {Epoch}", run.JobId, rung, epoch.Metrics.Epoch);
        }
    }

    public async Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await artifacts.PutAsync(checkpoint.File.Path, cancellationToken);
        await records.SaveCheckpointAsync(run, checkpoint, storage.CheckpointRoot, cancellationToken);
        await DeleteUnreferencedFilesAsync(cancellationToken);
    }

    private async Task DeleteUnreferencedFilesAsync(CancellationToken cancellationToken)
    {
        var folder = storage.CheckpointFolder(run.JobId);
        var referenced = await records.ReferencedFilesAsync(run.JobId, cancellationToken);
        await artifacts.DeleteUnreferencedAsync(run.JobId, referenced, cancellationToken);
        if (!Directory.Exists(folder))
        {
            return;
        }
        var root = Path.GetFullPath(storage.CheckpointRoot);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (referenced.Contains(Path.GetRelativePath(root, Path.GetFullPath(file))))
            {
                continue;
            }
            try
            {
                File.Delete(file);
            }
            catch (IOException exception)
            {
                logger.LogDebug(exception, "Could not delete superseded checkpoint {File}", file);
            }
        }
    }
}
