namespace TrainingService.Core.Training;

/// <summary>
/// Receives what a training run produces. <see cref="OnBatchCompleted"/> is called on the training
/// thread between batches and must return at once; the async members are awaited between epochs.
/// </summary>
public interface ITrainingObserver
{
    void OnBatchCompleted(BatchProgress progress);

    /// <param name="firstStep">The run-wide index of the epoch's first training step.</param>
    /// <param name="stepLosses">The training loss of every step of the epoch, in order.</param>
    Task OnEpochCompletedAsync(EpochMetrics metrics, long firstStep, float[] stepLosses, CancellationToken cancellationToken);

    Task OnCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken);
}
