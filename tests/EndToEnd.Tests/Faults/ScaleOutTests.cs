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

    /// <summary>
    /// The short version of <c>tools/Faults scheduling</c>: the same measurement on a few jobs. Its goals (p95 under
    /// 1 s, the fleet within 10 % of its workers alone) are timings, which a test does not assert; the jobs must all succeed.
    /// </summary>
    [Fact]
    public async Task The_scheduling_benchmark_measures_latency_and_throughput_on_a_small_fleet()
    {
        await using var fleet = await cluster.StartScaleOutFleetAsync("scheduling", workers: 2);

        FaultReport report;
        try
        {
            report = await SchedulingScenario.RunAsync(fleet, new SchedulingOptions(LatencyJobs: 3, FleetJobs: 8, SingleJobs: 4), output.WriteLine);
        }
        catch (FaultScenarioException exception)
        {
            throw new XunitException($"{exception.Message}\n{fleet.Diagnostics()}");
        }

        foreach (var (name, value) in report.Figures) output.WriteLine($"{name}: {value}");
        Assert.Contains(report.Figures, f => f.Name == "submit to first batch, p95");
        Assert.Contains(report.Figures, f => f.Name == "fleet / sum of single workers");
    }
}
