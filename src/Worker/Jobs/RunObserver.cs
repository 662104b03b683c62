using TrainingService.Core;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;
using TrainingService.Worker.Events;

namespace TrainingService.Worker.Jobs;

/// <summary>Stores what a run produces (each row with its NOTIFY) and passes batch progress to the publisher.</summary>
public sealed class RunObserver(JobRun run, TrainingRecords records, BatchProgressPublisher progress, StorageOptions storage) : ITrainingObserver
{
    public void OnBatchCompleted(BatchProgress p) =>
        progress.Publish(new BatchProgressEvent(run.JobId, p.Epoch, p.Batch, p.BatchesPerEpoch, p.Loss, p.Accuracy));

    public Task OnEpochCompletedAsync(EpochMetrics metrics, long firstStep, float[] stepLosses, CancellationToken cancellationToken) =>
        records.AppendEpochAsync(run, metrics, firstStep, stepLosses, cancellationToken);

    public Task OnCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken) =>
        records.SaveCheckpointAsync(run, checkpoint,
            Path.GetRelativePath(Path.GetFullPath(storage.CheckpointRoot), Path.GetFullPath(checkpoint.File.Path)), cancellationToken);
}
