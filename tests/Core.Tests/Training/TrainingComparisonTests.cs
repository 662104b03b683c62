using TrainingService.Core.Tests.Checkpoints;
using TrainingService.TrainingComparison;

namespace TrainingService.Core.Tests.Training;

/// <summary>
/// The short real version of tools/TrainingComparison: LeNet-5 trains with our trainer and in Debian's PyTorch 1.13
/// on the class our emitter writes, from the same weights on the same batches. Nothing about speed is asserted.
/// </summary>
[Collection(Models.ZooCollection.Name)]
public sealed class TrainingComparisonTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("training-comparison-");

    [SkippableFact]
    public async Task Both_sides_train_lenet5_from_the_same_first_loss_and_report_finite_images_per_second()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var script = PyTorchPeer.FindScript() ?? throw new InvalidOperationException("tools/pytorch/training_peer.py is not above the test binaries.");
        using var peer = PyTorchPeer.Start(script, threads: 1);
        // Any BLAS will do here: this checks what each side computes, not how fast.
        var settings = new ComparisonSettings(Threads: 1, BatchSize: 16, Batches: 2, Repeats: 1, RequireOpenBlas: false, Phases: true);

        var result = await ModelComparison.RunAsync("lenet5", null, settings, peer, _work.FullName);

        foreach (var epoch in new[] { result.OurWarmUp!, result.TheirWarmUp!, result.Ours.Single(), result.Theirs.Single() })
        {
            Assert.Equal(32, epoch.Images);
            Assert.True(double.IsFinite(epoch.Loss) && epoch.Loss > 0, $"loss {epoch.Loss}");
            Assert.True(double.IsFinite(epoch.ImagesPerSecond) && epoch.ImagesPerSecond > 0, $"images/s {epoch.ImagesPerSecond}");
        }
        // The same initial weights (our .pth in the emitted class) on the same first batch: the same loss, before any step.
        Assert.InRange(result.OurWarmUp!.FirstLoss - result.TheirWarmUp!.FirstLoss, -1e-4, 1e-4);
        Assert.Equal(32, result.OurPhases!.Images);
        Assert.Equal(32, result.TheirPhases!.Images);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
