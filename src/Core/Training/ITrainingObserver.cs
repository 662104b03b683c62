namespace TrainingService.Core.Training;

/// <summary>
/// Receives what a training run produces. <see cref="OnBatchCompleted"/> is called on the training
/// thread between batches and must return at once; the async members are awaited between epochs.
/// </summary>
public interface ITrainingObserver
{
    void OnBatchCompleted(BatchProgress progress);

    Task OnEpochCompletedAsync(EpochMetrics metrics, CancellationToken cancellationToken);

    Task OnCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken);
}
