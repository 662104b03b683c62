using TrainingService.Core.Jobs;
using TrainingService.Core.Training;

namespace TrainingService.TrainingComparison;

/// <summary>Discards progress; the trainer still reads its running loss back at the usual interval, as in a job.</summary>
internal sealed class SilentObserver : ITrainingObserver
{
    public static SilentObserver Instance { get; } = new();

    public void OnBatchCompleted(BatchProgress progress)
    {
    }

    public Task OnResolvedAsync(JobResolution resolution, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;
}
