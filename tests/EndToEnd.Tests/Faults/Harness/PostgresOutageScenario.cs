using System.Diagnostics;
using TrainingService.Core.Jobs;

namespace TrainingService.Faults.Harness;

/// <summary>
/// PostgreSQL stopped (a fast shutdown, every connection cut) in the middle of an epoch and started
/// again from the same data folder on the same port after <see cref="PostgresOutageOptions.Downtime"/>,
/// several times over one run. The Api and the Worker are left alone.
/// </summary>
public static class PostgresOutageScenario
{
    public static async Task<PostgresOutageResult> RunAsync(Fleet fleet, PostgresOutageOptions options, Action<string> log)
    {
        var epochTimeout = TimeSpan.FromSeconds(120);
        var clock = Stopwatch.StartNew();
        var jobId = await fleet.Jobs.SubmitAsync(FaultJobs.LeNet("postgres-outage", options.Epochs, options.TrainImages, maxRestarts: 3));
        log($"job {jobId}: {options.Outages} outages of {options.Downtime.TotalSeconds:0} s");
        var outages = new List<PostgresOutage>();
        var previous = await fleet.WaitForJobAsync(jobId, j => j.CurrentEpoch >= 1, epochTimeout, "the first epoch");
        var epochSeconds = (await fleet.Jobs.MetricsAsync(jobId))[0].EpochSeconds;
        for (var number = 1; number <= options.Outages; number++)
        {
            var before = previous.CurrentEpoch;
            if (before >= options.Epochs - 1)
            {
                throw new FaultScenarioException($"The run is at epoch {before} of {options.Epochs} before outage {number}; give it more epochs.");
            }
            await Task.Delay(TimeSpan.FromSeconds(epochSeconds / 2));
            var stopping = Stopwatch.StartNew();
            await fleet.Cluster.StopAsync();
            var stopSeconds = stopping.Elapsed.TotalSeconds;
            await Task.Delay(options.Downtime);
            await fleet.Cluster.StartAgainAsync();
            var down = stopping.Elapsed.TotalSeconds;
            var up = Stopwatch.StartNew();
            var after = await fleet.WaitForJobAsync(jobId, j => j.CurrentEpoch > before, epochTimeout + options.Downtime, $"an epoch after outage {number}");
            var outage = new PostgresOutage(number, before + 1, stopSeconds, down, up.Elapsed.TotalSeconds, after.Attempt, after.CurrentEpoch);
            outages.Add(outage);
            log($"outage {number}: stopped in epoch {outage.EpochInProgress} ({stopSeconds:0.0} s to stop), down {down:0.0} s; "
                + $"next epoch row {outage.NextEpochRowSeconds:0.0} s after the restart, attempt {after.Attempt}");
            previous = after;
        }
        await fleet.WaitForJobAsync(jobId, j => JobStatusTransitions.IsTerminal(j.Status), epochTimeout * options.Epochs, "the run to end");
        return new PostgresOutageResult(await JobOutcome.ReadAsync(fleet, jobId), outages, clock.Elapsed.TotalSeconds, options.Downtime.TotalSeconds);
    }
}

public sealed record PostgresOutageOptions(int Outages, TimeSpan Downtime, int Epochs, int TrainImages);

/// <param name="DownSeconds">From the stop command to the server accepting connections again.</param>
/// <param name="NextEpochRowSeconds">From the server being back to the next epoch row being visible.</param>
public sealed record PostgresOutage(int Number, int EpochInProgress, double StopSeconds, double DownSeconds, double NextEpochRowSeconds, int AttemptAfter, int EpochAfter);

public sealed record PostgresOutageResult(JobOutcome Run, IReadOnlyList<PostgresOutage> Outages, double RunSeconds, double DowntimeSeconds)
{
    public int AttemptsNeeded => Run.Attempts.Count;

    public FaultReport ToReport()
    {
        var report = new FaultReport("postgres-outage");
        report.Figure("network, data", $"lenet5, MNIST subset, {Run.TotalEpochs} epochs");
        report.Figure("outages", $"{Outages.Count} x {DowntimeSeconds:0} s, in epochs {string.Join(", ", Outages.Select(o => o.EpochInProgress))}");
        report.Figure("PostgreSQL down (stop command -> accepting again)", FaultReport.Spread(Outages.Select(o => o.DownSeconds).ToList()));
        report.Figure("server back -> next epoch row", FaultReport.Spread(Outages.Select(o => o.NextEpochRowSeconds).ToList()));
        report.Figure("run", $"{RunSeconds:0.0} s, {Run.Status}");
        report.Figure("attempts", $"{AttemptsNeeded}: {string.Join(", ", Run.AttemptEndings)}"
            + (AttemptsNeeded > 1 ? $" ({string.Join("; ", Run.Attempts.Where(a => a.Error is not null).Select(a => $"#{a.Attempt}: {a.Error}"))})" : " (no restart needed)"));
        report.Figure("metric rows / epochs", $"{Run.Metrics.Count} / {Run.TotalEpochs}, duplicates {Run.DuplicateMetricRows}, missing [{string.Join(", ", Run.MissingEpochs)}]");
        report.Check("the job succeeded", Run.Status == "Succeeded", Run.Status);
        report.Check("no epoch row lost or doubled", Run.OneMetricRowPerEpoch, $"epochs [{string.Join(", ", Run.Metrics.Select(m => m.Epoch))}]");
        report.Check("step-loss series contiguous", Run.StepSeriesContiguous, $"{Run.Steps.Count} rows, API total {Run.ApiTotalSteps}");
        return report;
    }
}
