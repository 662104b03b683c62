using TrainingService.Faults.Harness;
using Xunit.Abstractions;

namespace TrainingService.EndToEnd.Tests.Faults;

[Collection(FaultsCollection.Name)]
public sealed class PostgresOutageFaultTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task PostgreSQL_down_for_eight_seconds_mid_training_loses_no_epoch_row_and_the_job_succeeds()
    {
        await using var fleet = await cluster.StartFleetAsync("postgres-outage");

        var result = await FaultRun.RunAsync(fleet, output, log =>
            PostgresOutageScenario.RunAsync(fleet, new PostgresOutageOptions(Outages: 1, TimeSpan.FromSeconds(8), Epochs: 5, TrainImages: 2048), log));

        var why = FaultRun.Describe(result.ToReport(), fleet);
        output.WriteLine($"attempts: {string.Join(", ", result.Run.AttemptEndings)}");
        Assert.True(result.Run.Status == "Succeeded", why);
        Assert.Equal([1, 2, 3, 4, 5], result.Run.Metrics.Select(m => m.Epoch));
        Assert.True(result.Run.StepSeriesContiguous, why);
        Assert.Equal("finished", result.Run.AttemptEndings[^1]);
    }
}
