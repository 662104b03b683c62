using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Core.Jobs;

namespace TrainingService.Faults.Harness;

/// <summary>
/// Several workers that share only PostgreSQL take a batch of small jobs (some <c>cpu</c>, some <c>auto</c>,
/// one <c>cuda</c> that no worker here can run); once one of them is busy in the middle of a run it is
/// killed with SIGKILL and not started again, so its run must continue on another machine from the
/// training checkpoint in the PostgreSQL artifact store.
/// </summary>
public static class ScaleOutScenario
{
    public static async Task<FaultReport> RunAsync(ScaleOutFleet fleet, ScaleOutOptions options, Action<string> log)
    {
        var report = new FaultReport("scale-out");
        var clock = Stopwatch.StartNew();
        var jobs = new List<(Guid Id, string Device)>();
        for (var i = 0; i < options.Jobs; i++)
        {
            var device = i == options.Jobs - 1 ? "cuda" : i % 2 == 0 ? "cpu" : "auto";
            jobs.Add((await fleet.Jobs.SubmitAsync(Spec($"scale-{i}-{device}", device, options)), device));
        }
        log($"submitted {options.Jobs} jobs to {fleet.WorkerNames.Count} workers: {jobs.Count(j => j.Device == "cpu")} cpu, "
            + $"{jobs.Count(j => j.Device == "auto")} auto, {jobs.Count(j => j.Device == "cuda")} cuda");
        var runnable = jobs.Where(j => j.Device != "cuda").Select(j => j.Id).ToList();
        var cuda = jobs.Single(j => j.Device == "cuda").Id;

        var (victimJob, victimWorker, killedAt) = await KillABusyWorkerAsync(fleet, runnable, options, log);
        report.Figure("killed", $"{victimWorker} while it ran {victimJob}");

        foreach (var id in runnable)
        {
            await fleet.WaitForJobAsync(id, j => j.Status == JobStatus.Succeeded, options.JobTimeout, $"job {id} to succeed");
        }
        report.Figure("all runnable jobs succeeded after", clock.Elapsed.TotalSeconds, "0.0 s");

        var attempts = new Dictionary<Guid, IReadOnlyList<Core.Persistence.JobAttemptRecord>>();
        foreach (var id in runnable) attempts[id] = await fleet.Store.AttemptsAsync(id);
        var byWorker = attempts.Values.SelectMany(a => a).GroupBy(a => a.WorkerName).ToDictionary(g => g.Key, g => g.Count());
        report.Figure("attempts per worker", string.Join(", ", byWorker.OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value}")));

        var overlapping = attempts.Where(a => a.Value.Zip(a.Value.Skip(1)).Any(p => p.First.EndedAt is not { } end || end > p.Second.StartedAt)).ToList();
        report.Check("no two attempts of a job ever ran at the same time", overlapping.Count == 0,
            overlapping.Count == 0 ? "every attempt ended before the next began" : $"overlapping: {string.Join(", ", overlapping.Select(o => o.Key))}");
        var others = attempts.Where(a => a.Key != victimJob).ToList();
        report.Check("every job but the killed one ran exactly once", others.All(a => a.Value.Count == 1),
            string.Join(", ", others.Where(a => a.Value.Count != 1).Select(a => $"{a.Key}: {a.Value.Count} attempts")) is { Length: > 0 } bad ? bad : $"{others.Count} jobs, one attempt each");
        foreach (var id in runnable)
        {
            var epochs = await fleet.Store.MetricEpochsAsync(id);
            if (!epochs.SequenceEqual(Enumerable.Range(1, options.Epochs)))
            {
                report.Check($"job {id} has one metrics row per epoch", false, string.Join(", ", epochs));
            }
        }
        report.Check("the work was spread over every worker", byWorker.Count == fleet.WorkerNames.Count,
            $"{byWorker.Count} of {fleet.WorkerNames.Count} workers ran attempts");

        var victim = attempts[victimJob];
        var resumedOn = victim.Count == 2 ? victim[1].WorkerName : null;
        report.Check("the killed worker's run continued on another worker from its training checkpoint",
            victim.Count == 2 && victim[0].WorkerName == victimWorker && victim[0].EndReason == "lost-lease"
            && resumedOn != victimWorker && victim[1].StartEpoch >= 1,
            string.Join("; ", victim.Select(a => $"attempt {a.Attempt} on {a.WorkerName} from epoch {a.StartEpoch} step {a.StartStep}, ended {a.EndReason}")));
        if (victim.Count == 2) report.Figure("kill to resumed attempt", (victim[1].StartedAt - killedAt).TotalSeconds, "0.0 s");

        var download = await fleet.Jobs.DownloadAsync(victimJob, "best");
        report.Check("the Api streams the resumed job's best checkpoint from the store with its SHA-256", download is { } d && d.Sha256 == d.HeaderSha256 && d.Length > 0,
            download is null ? "404" : $"{download.Length} bytes, sha256 {download.Sha256}, header {download.HeaderSha256}");

        using (var http = fleet.Key.Client(fleet.Api))
        {
            // A worker's row turns Idle with its next heartbeat after its last run ends.
            var expected = fleet.WorkerNames.ToDictionary(n => n, n => n == victimWorker ? "Lost" : "Idle");
            var workers = new Dictionary<string, string?>();
            var watch = Stopwatch.StartNew();
            do
            {
                workers = (await http.GetFromJsonAsync<JsonElement>("/api/workers")).EnumerateArray()
                    .ToDictionary(w => w.GetProperty("name").GetString()!, w => w.GetProperty("state").GetString());
                if (expected.All(e => workers.TryGetValue(e.Key, out var state) && state == e.Value)) break;
                await Task.Delay(100);
            }
            while (watch.Elapsed < TimeSpan.FromSeconds(15));
            report.Check("GET /api/workers shows the killed worker Lost and the others Idle",
                expected.All(e => workers.TryGetValue(e.Key, out var state) && state == e.Value),
                string.Join(", ", workers.OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value}")));
        }

        var waiting = await fleet.Store.JobAsync(cuda);
        var cudaAttempts = await fleet.Store.AttemptsAsync(cuda);
        report.Check("the cuda job stays Queued and says why", waiting.Status == JobStatus.Queued && cudaAttempts.Count == 0
            && waiting.StatusReason?.Contains("cuda", StringComparison.OrdinalIgnoreCase) == true,
            $"{waiting.Status}, {cudaAttempts.Count} attempts, reason '{waiting.StatusReason}'");
        return report;
    }

    /// <summary>Waits for a run that has committed an epoch and has at least two to go, then kills its worker.</summary>
    private static async Task<(Guid Job, string Worker, DateTimeOffset KilledAt)> KillABusyWorkerAsync(
        ScaleOutFleet fleet, IReadOnlyList<Guid> jobs, ScaleOutOptions options, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < options.JobTimeout)
        {
            foreach (var id in jobs)
            {
                var job = await fleet.Store.JobAsync(id);
                if (job is { Status: JobStatus.Running, WorkerName: { } worker } && job.CurrentEpoch >= 1 && job.CurrentEpoch <= options.Epochs - 2
                    && (await fleet.Store.CheckpointsAsync(id)).Any(c => c.Name == "training"))
                {
                    var killedAt = DateTimeOffset.UtcNow;
                    await fleet.KillWorkerAsync(worker);
                    log($"kill -9 {worker} while job {id} was in epoch {job.CurrentEpoch + 1} of {options.Epochs}");
                    return (id, worker, killedAt);
                }
            }
            await Task.Delay(50);
        }
        throw new FaultScenarioException("No run reached the middle of its epochs while the jobs ran; give the jobs more epochs or images.");
    }

    private static JsonObject Spec(string name, string device, ScaleOutOptions options) => JsonNode.Parse($$$"""
        {"name": "{{{name}}}", "model": {"name": "lenet5"},
         "dataset": {"name": "synthetic", "validationFraction": 0.2,
                     "synthetic": {"channels": 1, "height": 32, "width": 32, "trainSize": {{{options.TrainImages}}}, "testSize": 64}},
         "hyperparameters": {"epochs": {{{options.Epochs}}}, "batchSize": 32, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9,
                             "seed": 7, "device": "{{{device}}}", "maxRestarts": 2}}
        """)!.AsObject();
}

/// <param name="Jobs">How many jobs to submit; the last asks for CUDA.</param>
public sealed record ScaleOutOptions(int Jobs = 12, int Epochs = 4, int TrainImages = 2048)
{
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(6);
}
