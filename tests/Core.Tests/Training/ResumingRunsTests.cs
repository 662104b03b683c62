using TrainingService.Core.Datasets.Synthetic;
using TrainingService.Core.Jobs;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Training;

/// <summary>
/// A run stopped after any epoch, or at any batch boundary inside one, and continued from its training
/// checkpoint by a new attempt ends exactly as the uninterrupted run of the same spec: the same metrics,
/// step losses and test figures, and weights with the same SHA-256.
/// </summary>
[Collection(Models.ZooCollection.Name)]
public sealed class ResumingRunsTests : IDisposable
{
    private readonly ExecutorHarness _harness = new(progressInterval: TimeSpan.Zero);

    /// <summary>Augmentation (two generators), dropout-free SGD with momentum and a plateau schedule that reacts each epoch.</summary>
    private static TrainingJobSpec Spec(string optimizer = "sgd") => new("resume",
        new ModelSpec("simplecnn", 10),
        new DatasetSpec("synthetic", 0.25, Synthetic: new SyntheticDatasetSpec(TrainSize: 192, TestSize: 64),
            Transforms: new InputTransformsSpec { Train = [new TransformStepSpec("RandomCrop", 32, 4), new TransformStepSpec("RandomHorizontalFlip")] }),
        new Hyperparameters(3, 32, optimizer == "sgd" ? 0.05 : 0.002, optimizer, optimizer == "sgd" ? 0.9 : 0, 1e-4, 21)
        {
            Schedule = new ScheduleSpec(ScheduleKinds.ReduceOnPlateau) { Monitor = MetricNames.ValidationLoss, Patience = 0, Factor = 0.5 },
        });

    [Theory]
    [InlineData(1, "sgd")]
    [InlineData(2, "sgd")]
    [InlineData(1, "adam")]
    public async Task A_run_stopped_after_epoch_k_and_resumed_ends_exactly_as_the_uninterrupted_run(int k, string optimizer)
    {
        var spec = Spec(optimizer);
        var whole = await RunWholeAsync(spec);

        using var stop = new CancellationTokenSource();
        var first = new RecordingObserver { AfterEpoch = m => { if (m.Epoch == k) stop.Cancel(); } };
        var jobId = Guid.NewGuid();
        var stopped = await _harness.Executor.RunAsync(new TrainingRequest(jobId, 1, spec, null, null), first, stop.Token);
        var second = new RecordingObserver();
        var resumed = await ResumeAsync(jobId, spec, first.LatestTrainingCheckpoint, second);

        Assert.False(stopped.IsFinished);
        Assert.Equal(k, stopped.EpochsComplete);
        AssertSameRun(whole, first, second, resumed.Outcome!);
    }

    [Fact]
    public async Task A_run_stopped_inside_an_epoch_continues_from_that_batch_and_ends_exactly_as_the_uninterrupted_run()
    {
        var spec = Spec();
        var whole = await RunWholeAsync(spec);

        using var stop = new CancellationTokenSource();
        var first = new RecordingObserver { AfterBatch = p => { if (p is { Epoch: 2, Batch: 3 }) stop.Cancel(); } };
        var jobId = Guid.NewGuid();
        var stopped = await _harness.Executor.RunAsync(new TrainingRequest(jobId, 1, spec, null, null), first, stop.Token);
        var second = new RecordingObserver();
        var resumed = await ResumeAsync(jobId, spec, first.LatestTrainingCheckpoint, second);

        Assert.False(stopped.IsFinished);
        Assert.Equal(1, stopped.EpochsComplete);
        Assert.Equal(1, first.LatestTrainingCheckpoint.Epoch);
        Assert.Equal(first.StepLosses.Count + 3, first.LatestTrainingCheckpoint.Step);
        AssertSameRun(whole, first, second, resumed.Outcome!);
    }

    private async Task<(RecordingObserver Observer, TrainingOutcome Outcome)> RunWholeAsync(TrainingJobSpec spec)
    {
        var observer = new RecordingObserver();
        return (observer, await _harness.TrainAsync(spec, observer));
    }

    private Task<TrainingResult> ResumeAsync(Guid jobId, TrainingJobSpec spec, SavedCheckpoint checkpoint, RecordingObserver observer) =>
        _harness.Executor.RunAsync(new TrainingRequest(jobId, 2, spec, null, checkpoint.File.Path), observer, CancellationToken.None);

    private static void AssertSameRun((RecordingObserver Observer, TrainingOutcome Outcome) whole, RecordingObserver first, RecordingObserver second, TrainingOutcome resumed)
    {
        var pieced = first.Epochs.Concat(second.Epochs).ToList();
        Assert.Equal(whole.Observer.Epochs.Select(Figures), pieced.Select(Figures));
        Assert.Equal(whole.Observer.StepLosses, first.StepLosses.Concat(second.StepLosses));
        Assert.Equal(first.StepLosses.Count, second.FirstStep);
        Assert.Equal((whole.Outcome.TestLoss, whole.Outcome.TestAccuracy, whole.Outcome.BestEpoch), (resumed.TestLoss, resumed.TestAccuracy, resumed.BestEpoch));
        Assert.Equal(Last(whole.Observer).File.Sha256, Last(second).File.Sha256);
    }

    private static SavedCheckpoint Last(RecordingObserver observer) => observer.Checkpoints.Last(c => c.Name == CheckpointNames.Last);

    private static (double, double, double?, double?, double, double?) Figures(EpochMetrics m) =>
        (m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.LearningRate, m.ValidationTop5Accuracy);

    public void Dispose() => _harness.Dispose();
}
