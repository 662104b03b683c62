using TrainingService.Core.Training;

namespace TrainingService.Benchmarks;

/// <summary>
/// Discards progress. The trainer still reads its running loss back at the usual interval, so the
/// timed loop pays the same device-to-host reads a job does.
/// </summary>
internal sealed class SilentObserver : ITrainingObserver
{
    public void OnBatchCompleted(BatchProgress progress)
    {
    }

    public Task OnResolvedAsync(Core.Jobs.JobResolution resolution, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;
}
