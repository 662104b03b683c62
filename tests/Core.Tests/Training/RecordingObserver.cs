using TrainingService.Core.Jobs;
using TrainingService.Core.Training;

namespace TrainingService.Core.Tests.Training;

/// <summary>Keeps what a run reports, for assertions; the executor's only output channel besides its result.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    public List<EpochMetrics> Epochs { get; } = [];
    public List<float> StepLosses { get; } = [];
    public List<SavedCheckpoint> Checkpoints { get; } = [];
    public JobResolution? Resolution { get; private set; }

    /// <summary>The run-wide index of the first step this observer saw.</summary>
    public long? FirstStep { get; private set; }

    /// <summary>Called after each batch, on the training thread: lets a test stop a run at a chosen batch.</summary>
    public Action<BatchProgress>? AfterBatch { get; init; }

    /// <summary>Called once an epoch is stored: stopping there is what a worker killed right after the commit leaves behind.</summary>
    public Action<EpochMetrics>? AfterEpoch { get; init; }

    public void OnBatchCompleted(BatchProgress progress) => AfterBatch?.Invoke(progress);

    public Task OnResolvedAsync(JobResolution resolution, CancellationToken cancellationToken)
    {
        Resolution = resolution;
        return Task.CompletedTask;
    }

    public Task OnEpochCompletedAsync(CompletedEpoch epoch, CancellationToken cancellationToken)
    {
        // A resumed run's first epoch starts where the checkpoint left off; after it the steps are contiguous.
        FirstStep ??= epoch.FirstStep;
        Assert.Equal(FirstStep + StepLosses.Count, epoch.FirstStep);
        Epochs.Add(epoch.Metrics);
        StepLosses.AddRange(epoch.StepLosses);
        Checkpoints.AddRange(epoch.Checkpoints);
        AfterEpoch?.Invoke(epoch.Metrics);
        return Task.CompletedTask;
    }

    public Task OnTrainingCheckpointSavedAsync(SavedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Checkpoints.Add(checkpoint);
        return Task.CompletedTask;
    }

    /// <summary>The newest training checkpoint reported.</summary>
    public SavedCheckpoint LatestTrainingCheckpoint => Checkpoints.Last(c => c.Name == CheckpointNames.Training);
}
