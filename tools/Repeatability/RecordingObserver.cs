using TrainingService.Core.Training;

namespace TrainingService.Repeatability;

/// <summary>Keeps every epoch's figures of one run, so runs can be compared value for value.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    public List<EpochMetrics> Epochs { get; } = [];

    public void OnBatchCompleted(BatchProgress progress)
    {
    }

    public Task OnResolvedAsync(Core.Jobs.JobResolution resolution, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken)
    {
        Epochs.Add(epoch.Metrics);
        return Task.CompletedTask;
    }

    public Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;
}
