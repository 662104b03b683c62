using System.Diagnostics;
using TrainingService.Core.Jobs;

namespace TrainingService.Faults.Harness;

/// <summary>
/// The Api stopped while a job trains (SIGTERM, as an orchestrator stops it, or kill -9) and started
/// again on the same port. The Worker and PostgreSQL are left alone; a hub client connected before the
/// first stop stays the same object throughout.
/// </summary>
public static class ApiRestartScenario
{
    public static async Task<ApiRestartResult> RunAsync(Fleet fleet, ApiRestartOptions options, Action<string> log)
    {
        var epochTimeout = TimeSpan.FromSeconds(120);
        var clock = Stopwatch.StartNew();
        await using var hub = await HubWatcher.ConnectAsync(fleet.Api, fleet.Key);
        var jobId = await fleet.Jobs.SubmitAsync(FaultJobs.LeNet("api-restart", options.Epochs, options.TrainImages, maxRestarts: 3));
        await hub.FollowAsync(jobId);
        log($"job {jobId}: Api restarts {string.Join(", ", options.Stops)}");
        await hub.WaitForAsync("EpochCompleted", jobId, _ => true, epochTimeout, "the first epoch");
        var restarts = new List<ApiRestart>();
        foreach (var stop in options.Stops)
        {
            var before = hub.Of("EpochCompleted", jobId).Max(e => e.Epoch);
            if (before >= options.Epochs - 1)
            {
                throw new FaultScenarioException($"The run is at epoch {before} of {options.Epochs} before the {stop} restart; give it more epochs.");
            }
            var stoppedAt = DateTimeOffset.UtcNow;
            var shutdown = stop == ApiStop.SigTerm
                ? await fleet.ApiProcess!.TerminateAsync(TimeSpan.FromSeconds(60))
                : await Killed(fleet.ApiProcess!);
            await fleet.ApiProcess!.DisposeAsync();
            await Task.Delay(fleet.Settings.RestartDelay);
            var startup = await fleet.StartApiAsync();
            var healthyAt = DateTimeOffset.UtcNow;
            var reconnectedAt = await hub.WaitForReconnectAfterAsync(stoppedAt, TimeSpan.FromSeconds(90));
            var next = await hub.WaitForAsync("EpochCompleted", jobId, e => e.ReceivedAt > reconnectedAt, epochTimeout, $"an epoch after the {stop} restart");
            var restart = new ApiRestart(stop, shutdown.TotalSeconds, (healthyAt - stoppedAt).TotalSeconds, startup.TotalSeconds,
                (reconnectedAt - healthyAt).TotalSeconds, (next.ReceivedAt - reconnectedAt).TotalSeconds, before, next.Epoch);
            restarts.Add(restart);
            log($"{stop}: stopped in {restart.ShutdownSeconds:0.00} s, healthy again after {restart.DownSeconds:0.0} s, hub reconnected "
                + $"{restart.ReconnectAfterHealthySeconds:0.0} s later, epoch {next.Epoch} received {restart.FirstEventAfterReconnectSeconds:0.0} s after that");
        }
        await fleet.WaitForJobAsync(jobId, j => JobStatusTransitions.IsTerminal(j.Status), epochTimeout * options.Epochs, "the run to end");
        await hub.TryWaitForAsync("JobStatusChanged", jobId, e => e.Status is "Succeeded" or "Failed", TimeSpan.FromSeconds(10));
        var outcome = await JobOutcome.ReadAsync(fleet, jobId);
        var live = hub.Of("EpochCompleted", jobId).ToList();
        var stored = outcome.Metrics.ToDictionary(m => m.Epoch);
        var liveMatchesStored = live.All(e => stored.TryGetValue(e.Epoch, out var row)
            && row.TrainLoss == e.Payload.GetProperty("trainLoss").GetDouble()
            && row.ValidationAccuracy == e.Payload.GetProperty("validationAccuracy").GetDouble());
        return new ApiRestartResult(outcome, restarts, clock.Elapsed.TotalSeconds, hub.Closes,
            hub.Reconnects.Count, live.Select(e => e.Epoch).ToList(), liveMatchesStored,
            hub.Of("JobStatusChanged", jobId).Any(e => e.Status == "Succeeded"));
    }

    private static async Task<TimeSpan> Killed(ServiceProcess api)
    {
        var clock = Stopwatch.StartNew();
        await api.KillAsync();
        return clock.Elapsed;
    }
}

public enum ApiStop
{
    SigTerm,
    SigKill,
}

public sealed record ApiRestartOptions(IReadOnlyList<ApiStop> Stops, int Epochs, int TrainImages);

/// <param name="DownSeconds">From the stop to /health answering again (shutdown, the restart delay, start-up).</param>
public sealed record ApiRestart(ApiStop Stop, double ShutdownSeconds, double DownSeconds, double StartupSeconds, double ReconnectAfterHealthySeconds,
    double FirstEventAfterReconnectSeconds, int LastEpochBefore, int FirstEpochAfter);

public sealed record ApiRestartResult(JobOutcome Run, IReadOnlyList<ApiRestart> Restarts, double RunSeconds, int HubCloses,
    int HubReconnects, IReadOnlyList<int> LiveEpochs, bool LiveEventsMatchStoredRows, bool SucceededEventReceived)
{
    /// <summary>Epochs whose EpochCompleted the client missed while it was disconnected (their rows are in the table).</summary>
    public IReadOnlyList<int> MissedEpochs => Run.Metrics.Select(m => m.Epoch).Except(LiveEpochs).ToList();

    public FaultReport ToReport()
    {
        var report = new FaultReport("api-restart");
        report.Figure("network, data", $"lenet5, MNIST subset, {Run.TotalEpochs} epochs");
        foreach (var r in Restarts)
        {
            report.Figure($"{r.Stop}: shutdown / down / start-up", $"{r.ShutdownSeconds:0.00} s / {r.DownSeconds:0.0} s / {r.StartupSeconds:0.0} s");
            report.Figure($"{r.Stop}: healthy -> hub reconnected -> next EpochCompleted", $"{r.ReconnectAfterHealthySeconds:0.0} s -> {r.FirstEventAfterReconnectSeconds:0.0} s (epoch {r.LastEpochBefore} before, {r.FirstEpochAfter} after)");
        }
        report.Figure("attempts", $"{Run.Attempts.Count}: {string.Join(", ", Run.AttemptEndings)}");
        report.Figure("hub client", $"one HubConnection, automatic reconnect: reconnected {HubReconnects} time(s), closed {HubCloses} time(s)");
        report.Figure("EpochCompleted received / stored", $"{LiveEpochs.Count} / {Run.Metrics.Count}; missed while disconnected [{string.Join(", ", MissedEpochs)}]");
        report.Figure("run", $"{RunSeconds:0.0} s, {Run.Status}");
        report.Check("the job succeeded", Run.Status == "Succeeded", Run.Status);
        report.Check("the run was not disturbed (one attempt, finished)", Run.AttemptEndings.SequenceEqual(["finished"]), string.Join(", ", Run.AttemptEndings));
        report.Check("every epoch row stored once", Run.OneMetricRowPerEpoch, $"epochs [{string.Join(", ", Run.Metrics.Select(m => m.Epoch))}]");
        report.Check("the hub client received EpochCompleted after every restart", Restarts.All(r => r.FirstEpochAfter > r.LastEpochBefore),
            string.Join(", ", Restarts.Select(r => $"{r.Stop}: epoch {r.FirstEpochAfter}")));
        report.Check("the hub client reconnected by itself and never closed", HubCloses == 0 && HubReconnects >= Restarts.Count,
            $"reconnects {HubReconnects}, closes {HubCloses}");
        report.Check("live events equal the stored rows", LiveEventsMatchStoredRows, "trainLoss and validationAccuracy of every received epoch");
        report.Check("the Succeeded status reached the hub client", SucceededEventReceived, "JobStatusChanged");
        return report;
    }
}
