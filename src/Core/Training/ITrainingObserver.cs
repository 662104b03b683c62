namespace TrainingService.Core.Training;

/// <summary>
/// Receives what a training run produces. <see cref="OnBatchCompleted"/> is called on the training
/// thread between batches and must return at once; the async members are awaited between epochs.
/// </summary>
public interface ITrainingObserver
{
    void OnBatchCompleted(BatchProgress progress);

    /// <summary>The first run resolved what the spec left open (the <c>auto</c> normalisation); store it with the job.</summary>
    Task OnResolvedAsync(Jobs.JobResolution resolution, CancellationToken cancellationToken);

    /// <summary>Stores the epoch's metrics, step losses and checkpoints together: a resumed run sees all of an epoch or none of it.</summary>
    Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken);

    /// <summary>Stores a training checkpoint written inside an epoch because the run is stopping (cancel, pause, drain).</summary>
    Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken);
}
