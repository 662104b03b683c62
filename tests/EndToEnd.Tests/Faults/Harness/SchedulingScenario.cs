using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using TrainingService.Core.Jobs;

namespace TrainingService.Faults.Harness;

/// <summary>
/// Scheduling overhead of a fleet: how long a job waits from its submission to its first batch when a
/// worker is idle, and how many tiny jobs the fleet finishes per minute against the sum of what each
/// worker finishes alone. Side by side in one run, on one machine.
/// </summary>
public static class SchedulingScenario
{
    public static async Task<FaultReport> RunAsync(ScaleOutFleet fleet, SchedulingOptions options, Action<string> log)
    {
        var report = new FaultReport("scheduling");
        await WaitForWorkersAsync(fleet, fleet.WorkerNames.Count);
        await using var hub = await HubWatcher.ConnectAsync(fleet.Api, fleet.Key);
        // The job is followed only once its id is known, after the submission, so the follow must be quick. The hub's
        // first JoinJob builds and compiles its ownership query, which on a loaded machine can take longer than a tiny
        // job runs (a fresh-clone run missed every BatchProgress of a job that trained for 0.5 s). Warmed up first.
        await hub.Connection.InvokeAsync("JoinJob", Guid.NewGuid());

        var latencies = new List<double>();
        for (var i = 0; i < options.LatencyJobs; i++)
        {
            var clock = Stopwatch.StartNew();
            var submittedAt = DateTimeOffset.UtcNow;
            var id = await fleet.Jobs.SubmitAsync(Tiny($"latency-{i}"));
            await hub.FollowAsync(id);
            var first = await hub.WaitForAsync("BatchProgress", id, _ => true, TimeSpan.FromSeconds(60), $"latency job {i}'s first batch");
            latencies.Add((first.ReceivedAt - submittedAt).TotalSeconds);
            await fleet.WaitForJobAsync(id, j => j.Status == JobStatus.Succeeded, TimeSpan.FromMinutes(2), $"latency job {i} to succeed");
            log(string.Create(CultureInfo.InvariantCulture, $"latency job {i}: first batch {latencies[^1]:0.000} s after submit ({clock.Elapsed.TotalSeconds:0.0} s in all)"));
        }
        var p95 = Percentile(latencies, 0.95);
        report.Figure("submit to first batch, idle workers", FaultReport.Spread(latencies));
        report.Figure("submit to first batch, p95", p95, "0.000 s");
        report.Check("p95 submit-to-first-batch under 1 s", p95 < 1.0, string.Create(CultureInfo.InvariantCulture, $"p95 {p95:0.000} s over {latencies.Count} jobs"));

        var fleetRate = await ThroughputAsync(fleet, options.FleetJobs, "fleet", log);
        report.Figure($"fleet of {fleet.WorkerNames.Count}: tiny jobs per minute", fleetRate, "0.0");
        var singles = new List<double>();
        var names = fleet.WorkerNames.ToList();
        var running = names.ToHashSet();
        foreach (var alone in names)
        {
            // Exactly one worker process on the machine while it is measured, none starting up beside it.
            if (running.Add(alone)) fleet.StartWorker(alone);
            foreach (var other in running.Where(n => n != alone).ToList())
            {
                await fleet.StopWorkerAsync(other);
                running.Remove(other);
            }
            await WaitForWorkersAsync(fleet, 1);
            var rate = await ThroughputAsync(fleet, options.SingleJobs, alone, log);
            singles.Add(rate);
            report.Figure($"{alone} alone: tiny jobs per minute", rate, "0.0");
        }
        report.Figure("fleet / best single worker", fleetRate / singles.Max(), "0.00");
        var ratio = fleetRate / singles.Sum();
        report.Figure("fleet / sum of single workers", ratio, "0.00");
        report.Check("the fleet finishes within 10 % of the sum of its workers alone", ratio >= 0.9,
            string.Create(CultureInfo.InvariantCulture, $"{fleetRate:0.0} against {singles.Sum():0.0} jobs per minute ({Environment.ProcessorCount} cores shared by {names.Count} workers)"));
        return report;
    }

    private static async Task<double> ThroughputAsync(ScaleOutFleet fleet, int count, string who, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await fleet.Jobs.SubmitAsync(Tiny($"{who}-{i}")));
        foreach (var id in ids)
        {
            await fleet.WaitForJobAsync(id, j => j.Status == JobStatus.Succeeded, TimeSpan.FromMinutes(30), $"{who}'s job {id} to succeed");
        }
        var rate = count / clock.Elapsed.TotalMinutes;
        log(string.Create(CultureInfo.InvariantCulture, $"{who}: {count} tiny jobs in {clock.Elapsed.TotalSeconds:0.0} s, {rate:0.0} per minute"));
        return rate;
    }

    /// <summary>Waits until exactly this many workers are online, as the Api's readiness reports them.</summary>
    private static async Task WaitForWorkersAsync(ScaleOutFleet fleet, int count)
    {
        using var http = fleet.Key.Client(fleet.Api, TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        var said = "";
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            said = await http.GetStringAsync("/health/ready");
            if (said.Contains($"\"{count} worker(s) online.\"", StringComparison.Ordinal)) return;
            await Task.Delay(250);
        }
        throw new FaultScenarioException($"Readiness never reported {count} worker(s) online; last: {said}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static JsonObject Tiny(string name) => JsonNode.Parse($$$"""
        {"name": "{{{name}}}", "model": {"name": "lenet5"},
         "dataset": {"name": "synthetic", "validationFraction": 0.25,
                     "synthetic": {"channels": 1, "height": 32, "width": 32, "trainSize": 128, "testSize": 32}},
         "hyperparameters": {"epochs": 1, "batchSize": 32, "learningRate": 0.05, "optimizer": "sgd", "seed": 7, "device": "cpu"}}
        """)!.AsObject();
}

/// <param name="FleetJobs">Tiny jobs the whole fleet runs (the figure is for 200).</param>
/// <param name="SingleJobs">Tiny jobs each worker runs alone.</param>
public sealed record SchedulingOptions(int LatencyJobs = 20, int FleetJobs = 200, int SingleJobs = 60);
