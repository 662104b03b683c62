using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>Canned Api payloads, written as the Api sends them (camelCase, enums as strings, extra fields).</summary>
public static class Samples
{
    public static readonly Guid JobId = Guid.Parse("6f1c3c1e-6f0e-4d0b-9a52-0a4c7f1d2e01");
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public static string Job(Guid id, string status = "Running", string name = "lenet-mnist", int currentEpoch = 2,
        int totalEpochs = 5, string error = "null", string result = "null", int attempt = 1,
        string statusReason = "null", string stopRequest = "null", int restarts = 0, string owner = "null",
        string tags = "[]", string note = "null", long checkpointBytes = 0, string model = "lenet5", string dataset = "mnist",
        double learningRate = 0.05) => $$"""
        {
          "id": "{{id}}", "name": "{{name}}", "status": "{{status}}",
          "spec": {
            "name": "{{name}}", "futureField": { "nested": true },
            "model": { "name": "{{model}}", "numClasses": 10 },
            "dataset": { "name": "{{dataset}}", "validationFraction": 0.1 },
            "hyperparameters": { "epochs": {{totalEpochs}}, "batchSize": 64, "learningRate": {{Number(learningRate)}}, "optimizer": "sgd",
                                 "momentum": 0.9, "weightDecay": 0, "seed": 42 }
          },
          "createdAt": "2026-11-23T01:00:00Z", "startedAt": "2026-11-23T01:00:05Z", "finishedAt": null,
          "currentEpoch": {{currentEpoch}}, "totalEpochs": {{totalEpochs}}, "attempt": {{attempt}},
          "workerName": "gpu-host:4242", "error": {{error}}, "result": {{result}}, "someNewField": 7,
          "statusReason": {{statusReason}}, "stopRequest": {{stopRequest}}, "restarts": {{restarts}}, "owner": {{owner}},
          "tags": {{tags}}, "note": {{note}}, "sweepId": null, "trialNumber": null, "checkpointBytes": {{checkpointBytes}}
        }
        """;

    public static string Metrics(params int[] epochs) =>
        "[" + string.Join(",", epochs.Select(e => $$"""
            { "epoch": {{e}}, "trainLoss": {{Loss(e)}}, "trainAccuracy": 0.{{90 + e}}, "validationLoss": 0.{{20 - e}},
              "validationAccuracy": 0.{{93 + e}}, "learningRate": 0.05, "epochSeconds": 20.5, "imagesPerSecond": 2600.0,
              "recordedAt": "2026-11-23T01:0{{e}}:00Z" }
            """)) + "]";

    public static string Checkpoints(Guid id) => $$"""
        [ { "name": "best", "epoch": 2, "sizeBytes": 250000, "sha256": "ab12cd34ef56", "createdAt": "2026-11-23T01:02:00Z",
            "downloadUrl": "/api/jobs/{{id}}/checkpoints/best" } ]
        """;

    /// <summary>A job that crashed in epoch 3 and was resumed from its training checkpoint: after 2 epochs, at step 1,876.</summary>
    public static string ResumedAttempts() => """
        [ { "attempt": 1, "worker": "gpu-host:4242", "startedAt": "2026-11-23T01:00:05Z", "endedAt": "2026-11-23T01:03:10Z",
            "reason": "crashed", "startEpoch": 0, "startStep": 0, "error": "Segmentation fault in libtorch" },
          { "attempt": 2, "worker": "gpu-host:5151", "startedAt": "2026-11-23T01:04:00Z", "endedAt": null,
            "reason": null, "startEpoch": 2, "startStep": 1876, "error": null, "someNewField": true } ]
        """;

    public static string AttemptsPath(Guid id) => $"/api/jobs/{id}/attempts";

    /// <summary>A 400 as ASP.NET Core's validation problem words it, with each reason under its field's path.</summary>
    public static string ValidationProblem(params (string Field, string Reason)[] errors) =>
        $$"""{ "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more validation errors occurred.", "status": 400, "errors": { {{string.Join(", ", errors.Select(e => $"\"{e.Field}\": [\"{e.Reason}\"]"))}} } }""";

    /// <summary>3 GiB of checkpoints in 42 files, two uploads, and retention on: training checkpoints after 14 days, a 10 GiB cap, hourly.</summary>
    public const string Storage = """
        { "checkpointBytes": 3221225472, "checkpointFiles": 42, "datasetBytes": 52428800, "datasets": 2, "artifactStore": "/var/lib/training/artifacts",
          "retention": { "enabled": true, "trainingCheckpointDays": 14, "maxCheckpointBytes": 10737418240, "interval": "01:00:00",
                         "lastRunAt": "2026-11-23T03:00:00Z", "lastFreedBytes": 1048576 } }
        """;

    public static string Problem(int status, string title, string detail) =>
        $$"""{ "type": "https://tools.ietf.org/html/rfc9110#section-15.5", "title": "{{title}}", "status": {{status}}, "detail": "{{detail}}" }""";

    /// <summary>The three checkpoints of a resumable run: weights as best and last, and the full training state.</summary>
    public static string TrainingCheckpoints(Guid id) => $$"""
        [ { "name": "best", "epoch": 2, "step": 1876, "sizeBytes": 250000, "sha256": "ab12cd34ef56", "createdAt": "2026-11-23T01:02:00Z",
            "downloadUrl": "/api/jobs/{{id}}/checkpoints/best" },
          { "name": "last", "epoch": 2, "step": 1876, "sizeBytes": 250000, "sha256": "ab12cd34ef56", "createdAt": "2026-11-23T01:02:00Z",
            "downloadUrl": "/api/jobs/{{id}}/checkpoints/last" },
          { "name": "training", "epoch": 2, "step": 1876, "sizeBytes": 760000, "sha256": "99ff00aa11bb", "createdAt": "2026-11-23T01:02:01Z",
            "downloadUrl": "/api/jobs/{{id}}/checkpoints/training" } ]
        """;

    public static string Page(int page, int totalCount, params string[] jobs) =>
        $$"""{ "items": [{{string.Join(",", jobs)}}], "page": {{page}}, "pageSize": 20, "totalCount": {{totalCount}} }""";

    public const string ReadinessPath = "/health/ready";

    public const string NoWorkerDescription = "No worker is online; jobs wait in Queued until one starts.";

    public const string DatabaseDownDescription = "PostgreSQL is unreachable: connection refused.";

    /// <summary>A <c>/health/ready</c> body as the health contract words it: a database and a workers check.</summary>
    public static string Readiness(string overall, string database = "Healthy", string workers = "Healthy") => $$"""
        {"status":"{{overall}}","checks":[
          {"name":"database","status":"{{database}}","description":"{{(database == "Healthy" ? "PostgreSQL answered in 3 ms." : DatabaseDownDescription)}}","durationMs":3.1},
          {"name":"workers","status":"{{workers}}","description":"{{(workers == "Healthy" ? "2 worker(s) online." : NoWorkerDescription)}}","durationMs":1.2}]}
        """;

    public static string StepsPath(Guid id) => $"/api/jobs/{id}/steps?maxPoints=1000";

    /// <summary>The incremental read of the steps from <paramref name="from"/> on.</summary>
    public static string StepsPath(Guid id, long from) => $"/api/jobs/{id}/steps?from={from}&maxPoints=1000";

    public static string Steps(long totalSteps, params (long Step, double Mean, double Min, double Max)[] buckets) =>
        Steps(totalSteps, from: 0, buckets);

    /// <summary>A steps answer from <paramref name="from"/> on; each bucket runs to the next one's step, the last to <paramref name="totalSteps"/>.</summary>
    public static string Steps(long totalSteps, long from, params (long Step, double Mean, double Min, double Max)[] buckets) =>
        $$"""{ "totalSteps": {{totalSteps}}, "from": {{from}}, "to": {{totalSteps}}, "points": [{{string.Join(",", buckets.Select((b, i) => Bucket(b, (i + 1 < buckets.Length ? buckets[i + 1].Step : totalSteps) - b.Step)))}}] }""";

    public static EpochMetricDto Metric(int epoch, int minute = 0, double trainLoss = 0.5) =>
        new(epoch, trainLoss, 0.9, 0.2, 0.95, 0.05, 20, 2600, Start.AddMinutes(minute == 0 ? epoch : minute));

    public static EpochCompletedEvent EpochEvent(Guid jobId, int epoch) =>
        new(jobId, epoch, double.Parse(Loss(epoch), System.Globalization.CultureInfo.InvariantCulture),
            0.9 + (epoch / 100.0), 0.2 - (epoch / 100.0), 0.93 + (epoch / 100.0), 0.05, 20.5, 2600, Start.AddMinutes(epoch));

    private static string Bucket((long Step, double Mean, double Min, double Max) b, long count) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $$"""{ "step": {{b.Step}}, "mean": {{b.Mean}}, "min": {{b.Min}}, "max": {{b.Max}}, "count": {{count}} }""");

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Loss(int epoch) => (1.0 / (epoch + 1)).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
