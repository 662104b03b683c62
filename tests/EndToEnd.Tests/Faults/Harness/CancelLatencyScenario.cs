using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using TrainingService.Core.Jobs;

namespace TrainingService.Faults.Harness;

/// <summary>
/// How long <c>POST /cancel</c> on a running job takes: until training stops at the batch boundary
/// (the stop's training checkpoint begins to be written), until that checkpoint is stored, and until
/// the job shows Cancelled; against the network's batch time, measured from the hub's BatchProgress
/// events just before. The cancel is sent half a batch after the last of those events, in the middle of a batch.
/// </summary>
public static class CancelLatencyScenario
{
    public static async Task<CancelLatency> RunAsync(Fleet fleet, string label, JsonObject spec, int batchesToTime, Action<string> log)
    {
        var timeout = TimeSpan.FromSeconds(300);
        await using var hub = await HubWatcher.ConnectAsync(fleet.Api, fleet.Key);
        var jobId = await fleet.Jobs.SubmitAsync(spec);
        await hub.FollowAsync(jobId);
        using var writes = new CheckpointWrites(fleet.CheckpointFolder(jobId));
        log($"{label}: job {jobId}; timing {batchesToTime} batches before the cancel");
        await fleet.WaitForJobAsync(jobId, j => j.Status == JobStatus.Running, timeout, "the job to run");

        // Batch time from two progress events of one epoch (so no validation or checkpoint falls between): batches over seconds.
        var (first, last) = await TwoProgressEventsAsync(hub, jobId, batchesToTime, timeout);
        var batchSeconds = (last.ReceivedAt - first.ReceivedAt).TotalSeconds / (Batch(last) - Batch(first));
        await Task.Delay(TimeSpan.FromSeconds(batchSeconds / 2));

        var clock = Stopwatch.StartNew();
        var cancelledAt = DateTimeOffset.UtcNow;
        var status = await fleet.Jobs.CancelAsync(jobId);
        var answered = clock.Elapsed.TotalSeconds;
        var boundary = await writes.WaitForAsync(cancelledAt, 1, () => true, timeout, checkpoint: "training");
        var saved = await hub.WaitForAsync("CheckpointSaved", jobId,
            e => e.ReceivedAt > cancelledAt && e.Payload.GetProperty("name").GetString() == "training", timeout, "the stop's training checkpoint");
        var cancelled = await hub.WaitForAsync("JobStatusChanged", jobId, e => e.Status == "Cancelled", timeout, "Cancelled");
        var job = await fleet.Store.JobAsync(jobId);
        var size = (await fleet.Store.CheckpointsAsync(jobId)).FirstOrDefault(c => c.Name == "training")?.SizeBytes;
        var result = new CancelLatency(label, status, batchSeconds, answered, (boundary.At - cancelledAt).TotalSeconds, (saved.ReceivedAt - cancelledAt).TotalSeconds,
            (cancelled.ReceivedAt - cancelledAt).TotalSeconds, size, job.Status.ToString());
        log($"{label}: batch {batchSeconds:0.000} s; cancel -> stopped {result.ToBoundarySeconds:0.000} s -> checkpoint stored {result.ToCheckpointSeconds:0.000} s "
            + $"-> Cancelled {result.ToCancelledSeconds:0.000} s (training checkpoint {size / 1e6:0.0} MB)");
        return result;
    }

    private static async Task<(HubEvent First, HubEvent Last)> TwoProgressEventsAsync(HubWatcher hub, Guid jobId, int batches, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            foreach (var epoch in hub.Of("BatchProgress", jobId).GroupBy(e => e.Epoch))
            {
                var first = epoch.First();
                if (epoch.FirstOrDefault(e => Batch(e) - Batch(first) >= batches) is { } last) return (first, last);
            }
            await Task.Delay(50);
        }
        throw new FaultScenarioException($"No two progress events {batches} batches apart within one epoch in {timeout}.");
    }

    private static int Batch(HubEvent e) => e.Payload.GetProperty("batch").GetInt32();
}

/// <param name="ToBoundarySeconds">POST to the stop's training checkpoint beginning: training stopped at the batch boundary.</param>
/// <param name="ToCheckpointSeconds">POST to that checkpoint stored (its CheckpointSaved event).</param>
/// <param name="ToCancelledSeconds">POST to the JobStatusChanged Cancelled event.</param>
public sealed record CancelLatency(string Label, HttpStatusCode Answer, double BatchSeconds, double AnswerSeconds, double ToBoundarySeconds,
    double ToCheckpointSeconds, double ToCancelledSeconds, long? TrainingCheckpointBytes, string FinalStatus)
{
    /// <summary>
    /// Once the Api has stored the request (its answer), training stops when the batch in progress ends,
    /// plus the control NOTIFY's trip to the worker: 0.5 s of slack.
    /// </summary>
    public bool StoppedWithinOneBatch => ToBoundarySeconds - AnswerSeconds <= BatchSeconds + 0.5;

    public static FaultReport ToReport(IReadOnlyList<CancelLatency> runs)
    {
        var report = new FaultReport("cancel");
        foreach (var r in runs)
        {
            report.Figure($"{r.Label}: batch time", $"{r.BatchSeconds:0.000} s");
            report.Figure($"{r.Label}: POST /cancel answered", $"{(int)r.Answer} after {r.AnswerSeconds:0.000} s");
            report.Figure($"{r.Label}: cancel -> training stopped (batch boundary)", $"{r.ToBoundarySeconds:0.000} s");
            report.Figure($"{r.Label}: cancel -> training checkpoint stored", $"{r.ToCheckpointSeconds:0.000} s ({r.TrainingCheckpointBytes / 1e6:0.0} MB)");
            report.Figure($"{r.Label}: cancel -> Cancelled", $"{r.ToCancelledSeconds:0.000} s");
            report.Check($"{r.Label}: the job ended Cancelled", r.FinalStatus == "Cancelled", r.FinalStatus);
            report.Check($"{r.Label}: training stopped within one batch of the accepted cancel", r.StoppedWithinOneBatch,
                $"{r.ToBoundarySeconds - r.AnswerSeconds:0.000} s after the 202 vs batch {r.BatchSeconds:0.000} s (+0.5 s)");
        }
        return report;
    }
}
