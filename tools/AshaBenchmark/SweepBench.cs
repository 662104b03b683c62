using System.Globalization;
using System.Text.Json;
using TrainingService.AshaBenchmark.Figures;
using TrainingService.Contracts.Sweeps;
using TrainingService.Faults.Harness;

namespace TrainingService.AshaBenchmark;

/// <summary>Runs one sweep on a fleet to its end and reads back what it came to, through the Api only.</summary>
internal static class SweepBench
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<MeasuredSweep> RunAsync(ScaleOutFleet fleet, SweepSubmission submission, TimeSpan timeout, Action<string> log)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var token = deadline.Token;
        using var client = new SweepsClient(fleet.Api, fleet.Key);
        var sweep = await client.SubmitAsync(submission, token);
        log($"{submission.Name}: sweep {sweep.Id}, {sweep.Trials.Planned} trials, maxConcurrent {sweep.Definition.MaxConcurrent}");
        var lastReport = (Succeeded: -1, Stopped: -1);
        while (sweep.Status == SweepStatus.Running)
        {
            if (fleet.ApiProcess is { HasExited: true } api)
            {
                throw new InvalidOperationException($"The Api exited with code {api.ExitCode} during {submission.Name}.");
            }
            await Task.Delay(Poll, token);
            sweep = await client.SweepAsync(sweep.Id, token);
            if ((sweep.Trials.Succeeded, sweep.Trials.Stopped) != lastReport)
            {
                lastReport = (sweep.Trials.Succeeded, sweep.Trials.Stopped);
                log($"{submission.Name}: {sweep.Trials.Succeeded} succeeded, {sweep.Trials.Stopped} stopped by ASHA, {sweep.Trials.Running} running");
            }
        }
        if (sweep.Status != SweepStatus.Completed)
        {
            throw new InvalidOperationException($"{submission.Name}: the sweep ended {sweep.Status}: {sweep.StatusReason}");
        }
        var trials = await client.TrialsAsync(sweep.Id, token);
        var rungs = await client.RungsAsync(sweep.Id, token);
        var figures = new List<TrialFigures>();
        foreach (var trial in trials)
        {
            var metrics = await client.MetricsAsync(trial.JobId, token);
            figures.Add(new TrialFigures(trial.TrialNumber, Describe(trial.Parameters), trial.Status, trial.EpochsCompleted, trial.BestValue, trial.BestEpoch,
                trial.TestAccuracy, metrics.Sum(m => m.EpochSeconds), trial.StoppedByAsha ? trial.StoppedAtRung : null));
        }
        var wall = ((sweep.FinishedAt ?? sweep.UpdatedAt) - sweep.CreatedAt).TotalSeconds;
        return new MeasuredSweep(new SweepFigures(submission.Name!, sweep.Status.ToString(), figures, wall), rungs);
    }

    /// <summary>"lr 0.1, batch 32": the trial's values by the last segment of their paths.</summary>
    private static string Describe(IReadOnlyDictionary<string, JsonElement> parameters) =>
        string.Join(", ", parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key[(p.Key.LastIndexOf('.') + 1)..]} {p.Value.GetRawText()}")));
}

/// <summary>A sweep's figures and ASHA's decisions as <c>GET /rungs</c> listed them.</summary>
internal sealed record MeasuredSweep(SweepFigures Figures, IReadOnlyList<SweepRungResource> Rungs);
