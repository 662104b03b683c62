using TrainingService.Core.Training;

namespace TrainingService.Core.Tests.Training;

/// <summary>Keeps what a run reports, for assertions; the executor's only output channel besides its result.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    public List<EpochMetrics> Epochs { get; } = [];
    public List<float> StepLosses { get; } = [];
    public List<SavedCheckpoint> Checkpoints { get; } = [];

    public void OnBatchCompleted(BatchProgress progress)
    {
    }

    public Task OnEpochCompletedAsync(EpochMetrics metrics, long firstStep, float[] stepLosses, CancellationToken cancellationToken)
    {
        Assert.Equal(StepLosses.Count, firstStep);
        Epochs.Add(metrics);
        StepLosses.AddRange(stepLosses);
        return Task.CompletedTask;
    }

    public Task OnCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Checkpoints.Add(checkpoint);
        return Task.CompletedTask;
    }
}
