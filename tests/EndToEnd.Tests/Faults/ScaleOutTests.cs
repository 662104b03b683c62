using TrainingService.Faults.Harness;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrainingService.EndToEnd.Tests.Faults;

[Collection(FaultsCollection.Name)]
public sealed class ScaleOutTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Three_workers_sharing_only_PostgreSQL_run_each_job_once_spread_over_them_and_resume_a_killed_workers_run_elsewhere()
    {
        await using var fleet = await cluster.StartScaleOutFleetAsync("scale-out", workers: 3);

        FaultReport report;
        try
        {
            report = await ScaleOutScenario.RunAsync(fleet, new ScaleOutOptions(), output.WriteLine);
        }
        catch (FaultScenarioException exception)
        {
            throw new XunitException($"{exception.Message}\n{fleet.Diagnostics()}");
        }

        var why = string.Join('\n', report.Figures.Select(f => $"{f.Name}: {f.Value}"))
            + "\n" + string.Join('\n', report.Checks.Select(c => $"[{(c.Passed ? "pass" : "FAIL")}] {c.Name}: {c.Detail}"));
        output.WriteLine(why);
        Assert.True(report.Passed, $"{why}\n{fleet.Diagnostics()}");
    }
}
