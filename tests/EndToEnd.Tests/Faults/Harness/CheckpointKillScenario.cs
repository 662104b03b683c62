using System.Diagnostics;
using TrainingService.Core.Jobs;

namespace TrainingService.Faults.Harness;

/// <summary>
/// kill -9 of the Worker while it writes checkpoints: armed when an attempt starts, it waits for the
/// attempt's k-th checkpoint write to begin (k drawn from 1..6, or taken from
/// <see cref="CheckpointKillOptions.Targets"/>, so kills hit best, last and training files of the attempt's
/// first and second epochs, before and after a commit) and kills after a drawn delay of up to
/// <see cref="CheckpointKillOptions.MaxDelay"/>. While the Worker is dead, and after the
/// run, every checkpoint row must still name a whole file.
/// </summary>
public static class CheckpointKillScenario
{
    public static async Task<CheckpointKillResult> RunAsync(Fleet fleet, CheckpointKillOptions options, Action<string> log)
    {
        var random = new Random(options.Seed);
        var timeout = TimeSpan.FromSeconds(180);
        var clock = Stopwatch.StartNew();
        var jobId = await fleet.Jobs.SubmitAsync(FaultJobs.AlexNet("checkpoint-kill", options.Epochs, maxRestarts: options.Kills + 3, options.Seed, options.Images));
        using var writes = new CheckpointWrites(fleet.CheckpointFolder(jobId));
        log($"job {jobId}: {options.Kills} kills during checkpoint writes, {options.Epochs} epochs");
        var kills = new List<CheckpointKill>();
        for (var number = 1; number <= options.Kills; number++)
        {
            var attempt = number;
            var running = await fleet.WaitForJobAsync(jobId, j => j.Attempt == attempt && j.Status == JobStatus.Running, timeout, $"attempt {attempt} to run");
            var armedAt = DateTimeOffset.UtcNow;
            var tornBefore = writes.Temporaries();
            // Near the end only the first epoch's writes are targets, which come before its commit, so the run cannot finish early.
            var target = options.Targets is { Count: > 0 } targets ? targets[(number - 1) % targets.Count] : random.Next(1, 7);
            if (options.Epochs - running.CurrentEpoch <= 2)
            {
                target = Math.Min(target, 2);
            }
            var delay = TimeSpan.FromMilliseconds(random.Next(0, (int)options.MaxDelay.TotalMilliseconds + 1));
            var worker = fleet.WorkerProcess!;
            var write = await writes.WaitForAsync(armedAt, target, () => !worker.HasExited, timeout);
            await Task.Delay(delay);
            var killedAt = DateTimeOffset.UtcNow;
            await fleet.KillWorkerAsync();
            var torn = writes.Temporaries().Except(tornBefore).Order().ToList();
            var committed = (await fleet.Store.MetricEpochsAsync(jobId)).DefaultIfEmpty(0).Max();
            var audit = await CheckpointAudit.RunAsync(fleet, jobId);
            var kill = new CheckpointKill(number, write.File, (killedAt - write.At).TotalMilliseconds, torn, committed, audit);
            kills.Add(kill);
            log($"kill {number}: {kill.SinceWriteBeganMs:0} ms into {write.File}; torn [{string.Join(", ", torn)}]; "
                + $"{committed} epochs committed; audit {(audit.Whole ? "whole" : string.Join("; ", audit.Problems))} ({string.Join(", ", audit.Checked)})");
            await Task.Delay(fleet.Settings.RestartDelay);
            fleet.StartWorker();
        }
        await fleet.WaitForJobAsync(jobId, j => JobStatusTransitions.IsTerminal(j.Status), timeout * options.Epochs, "the run to end");
        var final = await CheckpointAudit.RunAsync(fleet, jobId);
        return new CheckpointKillResult(await JobOutcome.ReadAsync(fleet, jobId), kills, final, clock.Elapsed.TotalSeconds);
    }
}

/// <param name="Targets">Which write of each attempt to kill in (1 = its first), cycled; null draws them.</param>
/// <param name="Images">Generated images, a quarter held out for validation; batches are 16.</param>
public sealed record CheckpointKillOptions(int Kills, int Epochs, TimeSpan MaxDelay, int Seed = 11, IReadOnlyList<int>? Targets = null, int Images = 64);

/// <param name="Torn">Temporary files the kill left behind: the writes it interrupted.</param>
public sealed record CheckpointKill(int Number, string WriteFile, double SinceWriteBeganMs, IReadOnlyList<string> Torn, int CommittedEpochs, CheckpointAudit Audit)
{
    public bool LandedInWrite => Torn.Count > 0;

    /// <summary>The checkpoint whose write the kill tore, or "between writes" when every write it could hit had completed.</summary>
    public string Struck => Torn.Count > 0 ? new WriteStarted(Torn[0], default).Checkpoint : "between writes";

    /// <summary>Checkpoint rows that existed when the kill struck: earlier epochs' files the interrupted writes must not harm.</summary>
    public int RowsAtKill => Audit.Checked.Count;
}

public sealed record CheckpointKillResult(JobOutcome Run, IReadOnlyList<CheckpointKill> Kills, CheckpointAudit Final, double RunSeconds)
{
    public int LandedInWrites => Kills.Count(k => k.LandedInWrite);

    public bool AllAuditsWhole => Kills.All(k => k.Audit.Whole) && Final.Whole;

    public FaultReport ToReport()
    {
        var report = new FaultReport("checkpoint-kill");
        var sizes = Run.Checkpoints.Select(c => $"{c.Name} {c.SizeBytes / 1e6:0} MB");
        report.Figure("network, data", $"alexnet-cifar10, synthetic 3x32x32, {Run.TotalEpochs} epochs; checkpoints {string.Join(", ", sizes)}");
        report.Figure("kills", $"{Kills.Count}; landed while a .tmp- file existed: {LandedInWrites}");
        report.Figure("writes torn, by checkpoint", string.Join(", ", Kills.GroupBy(k => k.Struck).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        report.Figure("kill delay after the write began", FaultReport.Spread(Kills.Select(k => k.SinceWriteBeganMs).ToList(), "ms"));
        report.Figure("checkpoint rows verified after kills", $"{Kills.Sum(k => k.RowsAtKill)} (file, size, SHA-256, parse, download); "
            + $"{Kills.Count(k => k.RowsAtKill > 0)} kills struck with rows committed");
        report.Figure("attempts", $"{Run.Attempts.Count}: {string.Join(", ", Run.AttemptEndings.GroupBy(e => e).Select(g => $"{g.Count()} {g.Key}"))}");
        report.Figure("run", $"{RunSeconds:0.0} s, {Run.Status}");
        report.Check("the job succeeded", Run.Status == "Succeeded", Run.Status);
        report.Check("after every kill each checkpoint row names a whole file that downloads with its checksum",
            Kills.All(k => k.Audit.Whole), string.Join("; ", Kills.Where(k => !k.Audit.Whole).Select(k => $"kill {k.Number}: {string.Join(", ", k.Audit.Problems)}")));
        report.Check("after the run each checkpoint row names a whole file that downloads with its checksum", Final.Whole,
            $"{string.Join(", ", Final.Checked)} {string.Join("; ", Final.Problems)}");
        report.Check("no torn or superseded file is left after the run", Final.StrayFiles.Count == 0, string.Join(", ", Final.StrayFiles));
        report.Check("kills landed inside writes", LandedInWrites > 0, $"{LandedInWrites} of {Kills.Count}");
        report.Check("kills struck while committed checkpoints existed", Kills.Any(k => k.RowsAtKill > 0),
            $"{Kills.Count(k => k.RowsAtKill > 0)} of {Kills.Count}");
        report.Check("exactly one metric row per epoch", Run.OneMetricRowPerEpoch, $"epochs [{string.Join(", ", Run.Metrics.Select(m => m.Epoch))}]");
        report.Check("step-loss series contiguous", Run.StepSeriesContiguous, $"{Run.Steps.Count} rows, API total {Run.ApiTotalSteps}");
        return report;
    }
}
