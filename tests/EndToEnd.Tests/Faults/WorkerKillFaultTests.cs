using TrainingService.Faults.Harness;
using Xunit.Abstractions;

namespace TrainingService.EndToEnd.Tests.Faults;

[Collection(FaultsCollection.Name)]
public sealed class WorkerKillFaultTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_killed_mid_epoch_resumes_from_its_training_checkpoint_with_no_duplicate_rows()
    {
        await using var fleet = await cluster.StartFleetAsync("worker-kill");

        var result = await FaultRun.RunAsync(fleet, output, log =>
            WorkerKillScenario.RunAsync(fleet, new WorkerKillOptions(Kills: 2, Epochs: 4, TrainImages: 2048), log));

        var why = FaultRun.Describe(result.ToReport(), fleet);
        var run = result.Run;
        Assert.True(run.Status == "Succeeded", why);
        Assert.Equal(["lost-lease", "lost-lease", "finished"], run.AttemptEndings);
        Assert.All(result.Kills, kill =>
        {
            Assert.Contains("lost", kill.LostReason);
            Assert.Equal(kill.CommittedAtKill, kill.ResumedStartEpoch);
            Assert.Equal(1, kill.RecomputedEpochs);
        });
        Assert.Equal([1, 2, 3, 4], run.Metrics.Select(m => m.Epoch));
        Assert.True(run.StepSeriesContiguous, why);
        // Resumed from its training checkpoints, the run computed exactly what the uninterrupted one did.
        Assert.Equal(result.Baseline.Metrics.Select(m => m.Computed), run.Metrics.Select(m => m.Computed));
        Assert.Equal(result.Baseline.Steps, run.Steps);
        Assert.Equal(result.Baseline.TestLoss, run.TestLoss);
        Assert.Equal(result.Baseline.Sha256Of("last"), run.Sha256Of("last"));
    }
}
