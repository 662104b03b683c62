using TrainingService.Faults.Harness;
using Xunit.Abstractions;

namespace TrainingService.EndToEnd.Tests.Faults;

[Collection(FaultsCollection.Name)]
public sealed class CheckpointKillFaultTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Workers_killed_during_checkpoint_writes_leave_only_complete_checkpoints_that_download_with_their_checksums()
    {
        await using var fleet = await cluster.StartFleetAsync("checkpoint-kill");

        // The 4th write of attempt 1 is epoch 2's first (epoch 1's rows are committed); the others tear epoch 2's files.
        var result = await FaultRun.RunAsync(fleet, output, log =>
            CheckpointKillScenario.RunAsync(fleet, new CheckpointKillOptions(Kills: 3, Epochs: 3, TimeSpan.FromMilliseconds(300), Targets: [4, 2, 1], Images: 32), log));

        var why = FaultRun.Describe(result.ToReport(), fleet);
        Assert.True(result.Run.Status == "Succeeded", why);
        Assert.True(result.LandedInWrites >= 1, why);
        Assert.Contains(result.Kills, kill => kill.RowsAtKill > 0);
        Assert.All(result.Kills, kill => Assert.True(kill.Audit.Whole, why));
        Assert.True(result.Final.Whole, why);
        Assert.Equal(["best", "last", "training"], result.Final.Checked.Select(c => c.Split('@')[0]).Order());
        Assert.Empty(result.Final.StrayFiles);
        Assert.Equal([1, 2, 3], result.Run.Metrics.Select(m => m.Epoch));
    }
}
