using TorchSharp;
using TrainingService.Core.Datasets.Synthetic;
using TrainingService.Core.Jobs;
using TrainingService.Core.Training;

namespace TrainingService.Core.Tests.Training;

/// <summary>
/// A long run must not grow: every tensor a batch, an evaluation or a checkpoint creates is freed by the end of its
/// epoch, so the live count after each epoch is the same (the model, the optimizer's state and the loaded splits).
/// </summary>
[Collection(Models.ZooCollection.Name)]
public sealed class TensorLifetimeTests : IDisposable
{
    private readonly ExecutorHarness _harness = new(progressInterval: TimeSpan.Zero);

    [Fact]
    public void Training_four_epochs_leaves_as_many_live_tensors_after_each_epoch_as_after_the_first()
    {
        var spec = new TrainingJobSpec("tensor lifetime",
            new ModelSpec("simplecnn", 10),
            new DatasetSpec("synthetic", 0.25, Synthetic: new SyntheticDatasetSpec(TrainSize: 256, TestSize: 64)),
            new Hyperparameters(4, 32, 0.05, "sgd", 0.9, 1e-4, 3));
        var live = new List<(long Thread, long Process)>();
        var observer = new RecordingObserver
        {
            // Called on the training thread between epochs; the runner keeps every continuation of the run on that thread.
            // The process-wide count also falls when the finalizer frees an earlier test's garbage tensors mid-run, so
            // that garbage is finalized before each reading.
            AfterEpoch = _ =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                live.Add((DisposeScopeManager.Statistics.ThreadTotalLiveCount, torch.Tensor.TotalCount));
            },
        };

        var outcome = SingleThreadRunner.Run(() => _harness.TrainAsync(spec, observer));

        Assert.True(double.IsFinite(outcome.TestLoss));
        Assert.Equal(4, live.Count);
        Assert.All(live.Skip(1), after => Assert.Equal(live[0].Thread, after.Thread));
        Assert.All(live.Skip(1), after => Assert.Equal(live[0].Process, after.Process));
    }

    public void Dispose() => _harness.Dispose();
}
