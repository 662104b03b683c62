using TrainingService.Faults.Harness;
using Xunit.Abstractions;

namespace TrainingService.EndToEnd.Tests.Faults;

[Collection(FaultsCollection.Name)]
public sealed class ApiRestartFaultTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task An_api_restart_leaves_the_run_alone_and_a_hub_client_keeps_receiving_epochs_after_it()
    {
        await using var fleet = await cluster.StartFleetAsync("api-restart");

        var result = await FaultRun.RunAsync(fleet, output, log =>
            ApiRestartScenario.RunAsync(fleet, new ApiRestartOptions([ApiStop.SigTerm], Epochs: 14, TrainImages: 3000), log));

        var why = FaultRun.Describe(result.ToReport(), fleet);
        Assert.True(result.Run.Status == "Succeeded", why);
        Assert.Equal(["finished"], result.Run.AttemptEndings);
        Assert.Equal(Enumerable.Range(1, 14), result.Run.Metrics.Select(m => m.Epoch));
        var restart = Assert.Single(result.Restarts);
        Assert.True(restart.FirstEpochAfter > restart.LastEpochBefore, why);
        // The same HubConnection came back by itself: it reconnected and never closed.
        Assert.Equal(0, result.HubCloses);
        Assert.Equal(1, result.HubReconnects);
        Assert.True(result.LiveEventsMatchStoredRows, why);
        Assert.True(result.SucceededEventReceived, why);
    }
}
