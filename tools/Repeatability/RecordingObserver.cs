using TrainingService.Core.Training;

namespace TrainingService.Repeatability;

/// <summary>Keeps every epoch's figures of one run, so runs can be compared value for value.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    public List<EpochMetrics> Epochs { get; } = [];

    public void OnBatchCompleted(BatchProgress progress)
    {
    }

    public Task OnEpochCompletedAsync(EpochMetrics metrics, long firstStep, float[] stepLosses, CancellationToken cancellationToken)
    {
        Epochs.Add(metrics);
        return Task.CompletedTask;
    }

    public Task OnCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;
}
