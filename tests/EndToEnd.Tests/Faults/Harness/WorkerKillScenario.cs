using System.Diagnostics;

namespace TrainingService.Faults.Harness;

/// <summary>
/// kill -9 of the Worker in the middle of an epoch, <see cref="WorkerKillOptions.Kills"/> times over one
/// run, the Worker started again after each kill as a supervisor would. The same spec first runs
/// uninterrupted on the same fleet, so the killed run can be compared with it bit for bit.
/// </summary>
public static class WorkerKillScenario
{
    public static async Task<WorkerKillResult> RunAsync(Fleet fleet, WorkerKillOptions options, Action<string> log)
    {
        var spec = () => FaultJobs.LeNet("worker-kill", options.Epochs, options.TrainImages, maxRestarts: options.Kills + 2, options.Seed);
        var epochTimeout = TimeSpan.FromSeconds(120);
        var clock = Stopwatch.StartNew();
        var baselineId = await fleet.Jobs.SubmitAsync(spec());
        log($"baseline job {baselineId}: {options.Epochs} epochs uninterrupted");
        await fleet.WaitForJobAsync(baselineId, j => j.Status == Core.Jobs.JobStatus.Succeeded, epochTimeout * options.Epochs, "the baseline to succeed");
        var baselineSeconds = clock.Elapsed.TotalSeconds;
        var baseline = await JobOutcome.ReadAsync(fleet, baselineId);
        var epochSeconds = Median(baseline.Metrics.Skip(1).Select(m => m.EpochSeconds).DefaultIfEmpty(baseline.Metrics[0].EpochSeconds));

        await using var hub = await HubWatcher.ConnectAsync(fleet.Api, fleet.Key);
        clock.Restart();
        var jobId = await fleet.Jobs.SubmitAsync(spec());
        await hub.FollowAsync(jobId);
        log($"job {jobId}: {options.Kills} kills, each {options.KillAt:P0} of an epoch ({epochSeconds:0.0} s) after a commit");
        var kills = new List<WorkerKill>();
        for (var number = 1; number <= options.Kills; number++)
        {
            // Each attempt first commits an epoch of its own, so every kill interrupts new work.
            var attempt = number;
            await fleet.WaitForJobAsync(jobId, j => j.Attempt == attempt && j.Status == Core.Jobs.JobStatus.Running, epochTimeout, $"attempt {attempt} to run");
            var from = (await fleet.Store.AttemptsAsync(jobId)).Single(a => a.Attempt == attempt).StartEpoch;
            var committed = await fleet.WaitForJobAsync(jobId, j => j.Attempt == attempt && j.CurrentEpoch > from, epochTimeout, $"attempt {attempt} to commit an epoch");
            if (committed.CurrentEpoch >= options.Epochs)
            {
                throw new FaultScenarioException($"The run is at epoch {committed.CurrentEpoch} of {options.Epochs} before kill {number}; give it more epochs.");
            }
            await Task.Delay(TimeSpan.FromSeconds(epochSeconds * options.KillAt));
            var killedAt = DateTimeOffset.UtcNow;
            await fleet.KillWorkerAsync();
            var committedAtKill = (await fleet.Store.MetricEpochsAsync(jobId)).DefaultIfEmpty(0).Max();
            await Task.Delay(fleet.Settings.RestartDelay);
            fleet.StartWorker();

            var queued = await hub.TryWaitForAsync("JobStatusChanged", jobId,
                e => e.ReceivedAt > killedAt && e.Status == "Queued" && e.Reason?.Contains("lost", StringComparison.Ordinal) == true,
                fleet.Settings.Lease * 4 + TimeSpan.FromSeconds(60));
            await fleet.WaitForJobAsync(jobId, j => j.Attempt == attempt + 1 && j.Status == Core.Jobs.JobStatus.Running, epochTimeout, $"attempt {attempt + 1} to start");
            var attempts = await fleet.Store.AttemptsAsync(jobId);
            var ended = attempts.Single(a => a.Attempt == attempt);
            var next = attempts.Single(a => a.Attempt == attempt + 1);
            var kill = new WorkerKill(number, attempt, committedAtKill + 1, committedAtKill, next.StartEpoch, next.StartStep,
                ((queued?.ReceivedAt ?? ended.EndedAt!.Value) - killedAt).TotalSeconds, (next.StartedAt - killedAt).TotalSeconds,
                queued?.Reason, ended.EndReason);
            kills.Add(kill);
            log($"kill {number}: in epoch {kill.EpochInProgress}; Queued after {kill.DetectedSeconds:0.0} s ('{kill.LostReason}'), "
                + $"attempt {attempt + 1} from epoch {kill.ResumedStartEpoch} (step {kill.ResumedStartStep}) after {kill.NextAttemptSeconds:0.0} s");
        }
        await fleet.WaitForJobAsync(jobId, j => j.Status == Core.Jobs.JobStatus.Succeeded, epochTimeout * options.Epochs, "the killed run to succeed");
        var runSeconds = clock.Elapsed.TotalSeconds;
        return new WorkerKillResult(baseline, await JobOutcome.ReadAsync(fleet, jobId), kills, baselineSeconds, runSeconds, epochSeconds);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed record WorkerKillOptions(int Kills, int Epochs, int TrainImages, double KillAt = 0.5, long Seed = 7);

/// <param name="EpochInProgress">The epoch the kill interrupted: one past the last committed.</param>
/// <param name="DetectedSeconds">Kill to the job showing Queued with its "worker … lost" reason on the hub.</param>
/// <param name="NextAttemptSeconds">Kill to the next attempt's start.</param>
public sealed record WorkerKill(int Number, int KilledAttempt, int EpochInProgress, int CommittedAtKill, int ResumedStartEpoch, long ResumedStartStep,
    double DetectedSeconds, double NextAttemptSeconds, string? LostReason, string? AttemptEndReason)
{
    /// <summary>Epochs trained again because of the kill: the interrupted one (its partial work is lost), nothing before it.</summary>
    public int RecomputedEpochs => EpochInProgress - ResumedStartEpoch;

    /// <summary>The killed attempt ended lost-lease and the next one continued from the last committed epoch's training checkpoint.</summary>
    public bool Resumed => AttemptEndReason == "lost-lease" && ResumedStartEpoch == CommittedAtKill;
}

public sealed record WorkerKillResult(JobOutcome Baseline, JobOutcome Run, IReadOnlyList<WorkerKill> Kills, double BaselineSeconds, double RunSeconds,
    double EpochSeconds)
{
    public int Resumed => Kills.Count(k => k.Resumed);

    public bool MetricsEqualBaseline => Run.Metrics.Select(m => m.Computed).SequenceEqual(Baseline.Metrics.Select(m => m.Computed));

    public bool StepLossesEqualBaseline => Run.Steps.SequenceEqual(Baseline.Steps);

    public bool TestResultEqualBaseline => Run.TestLoss == Baseline.TestLoss && Run.TestAccuracy == Baseline.TestAccuracy;

    public bool LastCheckpointEqualBaseline => Run.Sha256Of("last") is { } sha && sha == Baseline.Sha256Of("last");

    public FaultReport ToReport()
    {
        var report = new FaultReport("worker-kill");
        report.Figure("network, data", $"lenet5, MNIST subset, {Run.TotalEpochs} epochs, {EpochSeconds:0.00} s per epoch (baseline median)");
        report.Figure("baseline run (uninterrupted)", $"{BaselineSeconds:0.0} s, {Baseline.Attempts.Count} attempt(s)");
        report.Figure("killed run", $"{RunSeconds:0.0} s, {Run.Attempts.Count} attempts: {string.Join(", ", Run.AttemptEndings)}");
        report.Figure("kills resumed", $"{Resumed} of {Kills.Count}");
        report.Figure("epoch at kill -> resumed startEpoch", string.Join(", ", Kills.Select(k => $"{k.EpochInProgress}->{k.ResumedStartEpoch}")));
        report.Figure("epochs recomputed per kill", FaultReport.Spread(Kills.Select(k => (double)k.RecomputedEpochs).ToList(), "epochs"));
        report.Figure("kill -> Queued 'worker … lost' (detection)", FaultReport.Spread(Kills.Select(k => k.DetectedSeconds).ToList()));
        report.Figure("kill -> next attempt started", FaultReport.Spread(Kills.Select(k => k.NextAttemptSeconds).ToList()));
        report.Figure("metric rows / epochs", $"{Run.Metrics.Count} / {Run.TotalEpochs}, duplicates {Run.DuplicateMetricRows}, missing [{string.Join(", ", Run.MissingEpochs)}]");
        report.Figure("step-loss rows", $"{Run.Steps.Count}, {Run.ApiTotalSteps} steps");
        report.Figure("test loss / accuracy", $"{Run.TestLoss:0.000000} / {Run.TestAccuracy:0.0000} (baseline {Baseline.TestLoss:0.000000} / {Baseline.TestAccuracy:0.0000})");
        report.Figure("last.pth SHA-256", $"{Short(Run.Sha256Of("last"))} (baseline {Short(Baseline.Sha256Of("last"))})");
        report.Figure("best.pth SHA-256", $"{Short(Run.Sha256Of("best"))} (baseline {Short(Baseline.Sha256Of("best"))})");

        report.Check("the job succeeded", Run.Status == "Succeeded", Run.Status);
        report.Check("every kill resumed from the last committed epoch", Resumed == Kills.Count, $"{Resumed} of {Kills.Count}");
        report.Check("each kill showed Queued with a 'worker … lost' reason", Kills.All(k => k.LostReason is not null),
            string.Join("; ", Kills.Where(k => k.LostReason is null).Select(k => $"kill {k.Number}: no such event")));
        report.Check("exactly one metric row per epoch 1..E", Run.OneMetricRowPerEpoch && Run.DuplicateMetricRows == 0,
            $"duplicates {Run.DuplicateMetricRows}, missing [{string.Join(", ", Run.MissingEpochs)}]");
        report.Check("step-loss series contiguous", Run.StepSeriesContiguous,
            string.Join(" ", Run.Steps.Select(s => $"e{s.Epoch}:{s.FirstStep}+{s.Count}")) + $"; API total {Run.ApiTotalSteps}");
        report.Check("at most one epoch recomputed per kill", Kills.All(k => k.RecomputedEpochs <= 1),
            string.Join(", ", Kills.Select(k => k.RecomputedEpochs)));
        report.Check("metrics equal the uninterrupted run", MetricsEqualBaseline, FirstDifference());
        report.Check("step losses equal the uninterrupted run", StepLossesEqualBaseline, "per-epoch float32 bytes compared by SHA-256");
        report.Check("test loss and accuracy equal the uninterrupted run", TestResultEqualBaseline, $"{Run.TestLoss} vs {Baseline.TestLoss}");
        report.Check("last checkpoint SHA-256 equals the uninterrupted run's", LastCheckpointEqualBaseline,
            $"{Run.Sha256Of("last")} vs {Baseline.Sha256Of("last")}");
        return report;
    }

    private string FirstDifference()
    {
        var pairs = Run.Metrics.Zip(Baseline.Metrics).FirstOrDefault(p => p.First.Computed != p.Second.Computed);
        return pairs.First is null ? $"{Run.Metrics.Count} epochs compared" : $"epoch {pairs.First.Epoch}: {pairs.First.Computed} vs {pairs.Second.Computed}";
    }

    internal static string Short(string? sha) => sha is null ? "none" : $"{sha[..8]}…{sha[^8..]}";
}
