using System.Globalization;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// How long a job has run and how long it still needs. A finished job's elapsed time is its whole run; a running job's
/// remaining time is its remaining epochs (less the share of the current one its live batches show) at its pace: the
/// mean of its epochs' measured seconds when they are loaded, else its time so far per epoch done. Null where unknown.
/// </summary>
public sealed record JobTiming(TimeSpan? Elapsed, TimeSpan? Remaining)
{
    public const string Unknown = "—";

    public static readonly JobTiming None = new(null, null);

    /// <param name="metrics">The job's epoch rows, when the caller has them (the job page); empty otherwise.</param>
    /// <param name="batch">The latest live batch of the job, when one has arrived.</param>
    public static JobTiming Of(JobDto job, IReadOnlyList<EpochMetricDto> metrics, BatchProgressEvent? batch, DateTimeOffset now)
    {
        if (job.StartedAt is not { } started)
        {
            return None;
        }

        if (job.Status.IsTerminal())
        {
            return new JobTiming(job.FinishedAt is { } finished ? NotNegative(finished - started) : null, null);
        }

        if (job.Status != JobStatus.Running)
        {
            // Queued again or paused: the clock since the start includes the wait, so it says nothing about the run.
            return None;
        }

        var elapsed = NotNegative(now - started);
        var completed = Math.Max(job.CurrentEpoch, metrics.Count == 0 ? 0 : metrics.Max(m => m.Epoch));
        var withinEpoch = batch is { BatchesPerEpoch: > 0 } live && live.Epoch == completed + 1
            ? Math.Clamp(live.Batch / (double)live.BatchesPerEpoch, 0, 1)
            : 0;
        var done = completed + withinEpoch;
        double? secondsPerEpoch = metrics.Count > 0 ? metrics.Average(m => m.EpochSeconds)
            : done > 0 ? elapsed.TotalSeconds / done
            : null;
        var left = Math.Max(0, job.TotalEpochs - done);
        return new JobTiming(elapsed, secondsPerEpoch is { } pace && double.IsFinite(pace) ? TimeSpan.FromSeconds(pace * left) : null);
    }

    public string ElapsedText => Text(Elapsed);

    public string RemainingText => Text(Remaining);

    /// <summary>"42 s", "3 min 05 s", "2 h 07 min", "3 d 4 h"; "—" when unknown.</summary>
    public static string Text(TimeSpan? span) => span switch
    {
        null => Unknown,
        { TotalMinutes: < 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalSeconds} s"),
        { TotalHours: < 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalMinutes} min {s.Seconds:00} s"),
        { TotalDays: < 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalHours} h {s.Minutes:00} min"),
        { } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalDays} d {s.Hours} h"),
    };

    private static TimeSpan NotNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
