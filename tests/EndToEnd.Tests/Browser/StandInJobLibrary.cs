using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// Named jobs the stand-in Api filters, deletes and compares as the Api does for the dashboard: <c>GET /api/jobs</c>
/// honours <c>status</c>, <c>tag</c> and <c>q</c>; <c>DELETE</c> answers 204 for a finished job and 409 otherwise; each
/// job has two epochs of metrics, steps, a checkpoint and, once succeeded, an evaluation on two classes.
/// </summary>
public sealed class StandInJobLibrary
{
    private readonly ConcurrentDictionary<Guid, LibraryJob> jobs = new();

    /// <summary>True once a job was added: <c>GET /api/jobs</c> then lists these rather than generated ones.</summary>
    public bool InUse => !jobs.IsEmpty;

    public IReadOnlyCollection<string> Names => [.. jobs.Values.Select(j => j.Name)];

    public Guid Add(string name, string status, double learningRate, params string[] tags)
    {
        var id = Guid.NewGuid();
        jobs[id] = new LibraryJob(id, name, status, learningRate, tags, jobs.Count);
        return id;
    }

    public bool TryGet(Guid id, out LibraryJob job) => jobs.TryGetValue(id, out job!);

    public IResult List(HttpRequest request)
    {
        var query = request.Query;
        var statuses = query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var tag = query["tag"].ToString();
        var text = query["q"].ToString();
        var page = int.Parse(query["page"].ToString() is { Length: > 0 } p ? p : "1", CultureInfo.InvariantCulture);
        var pageSize = int.Parse(query["pageSize"].ToString() is { Length: > 0 } s ? s : "20", CultureInfo.InvariantCulture);
        var matching = jobs.Values
            .Where(j => statuses.Length == 0 || statuses.Contains(j.Status, StringComparer.OrdinalIgnoreCase))
            .Where(j => tag.Length == 0 || j.Tags.Contains(tag))
            .Where(j => text.Length == 0 || j.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(j => j.Order)
            .ToList();
        var items = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(j => j.Json());
        return Json($$"""{"items":[{{string.Join(",", items)}}],"page":{{page}},"pageSize":{{pageSize}},"totalCount":{{matching.Count}}}""");
    }

    public IResult Delete(Guid id)
    {
        if (!jobs.TryGetValue(id, out var job))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found");
        }

        if (job.Status is not ("Succeeded" or "Failed" or "Cancelled"))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job is not finished",
                detail: $"The job is {job.Status}; cancel it first.");
        }

        jobs.TryRemove(id, out _);
        return Results.NoContent();
    }

    public static IResult Json(string json) => Results.Content(json, "application/json");

    public sealed record LibraryJob(Guid Id, string Name, string Status, double LearningRate, IReadOnlyList<string> Tags, int Order)
    {
        private bool Succeeded => Status == "Succeeded";

        private string Result => Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"testLoss\":{0.3 - LearningRate},\"testAccuracy\":{0.9 + LearningRate},\"bestEpoch\":2}}")
            : "null";

        public string Json() => string.Create(CultureInfo.InvariantCulture, $$$"""
            {"id":"{{{Id}}}","name":"{{{Name}}}","status":"{{{Status}}}","owner":"root",
             "spec":{"name":"{{{Name}}}","model":{"name":"lenet5","numClasses":2},"dataset":{"name":"mnist","validationFraction":0.1},
                     "hyperparameters":{"epochs":2,"batchSize":64,"learningRate":{{{LearningRate}}},"optimizer":"sgd","seed":42}},
             "createdAt":"2026-11-23T01:00:00Z","startedAt":"2026-11-23T01:00:05Z","finishedAt":{{{(Succeeded ? "\"2026-11-23T01:02:00Z\"" : "null")}}},
             "currentEpoch":2,"totalEpochs":2,"attempt":1,"workerName":null,"error":null,
             "result":{{{Result}}},
             "tags":{{{JsonSerializer.Serialize(Tags)}}},"note":null,"sweepId":null,"trialNumber":null,"checkpointBytes":1572864}
            """);

        public string Metrics() => string.Create(CultureInfo.InvariantCulture, $$$"""
            [{"epoch":1,"trainLoss":{{{0.9 - LearningRate}}},"trainAccuracy":0.7,"validationLoss":0.8,"validationAccuracy":0.75,"learningRate":{{{LearningRate}}},"epochSeconds":3.2,"imagesPerSecond":900,"recordedAt":"2026-11-23T01:01:00Z"},
             {"epoch":2,"trainLoss":{{{0.4 - LearningRate}}},"trainAccuracy":0.88,"validationLoss":0.45,"validationAccuracy":{{{0.86 + LearningRate}}},"learningRate":{{{LearningRate}}},"epochSeconds":3.1,"imagesPerSecond":910,"recordedAt":"2026-11-23T01:02:00Z"}]
            """);

        public IResult Evaluation() => Succeeded
            ? StandInJobLibrary.Json(string.Create(CultureInfo.InvariantCulture, $$$"""
                {"checkpointEpoch":2,"loss":0.2,"accuracy":0.9,"top5Accuracy":null,"count":20,"classNames":["zero","one"],
                 "report":{"classes":[],"accuracy":0.9,"macroAverage":{"precision":0.9,"recall":0.9,"f1":0.9,"support":20},"weightedAverage":{"precision":0.9,"recall":0.9,"f1":0.9,"support":20}},
                 "confusionMatrix":[[{{{9 + (Order % 2)}}},{{{1 - (Order % 2)}}}],[1,9]]}
                """))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No evaluation yet");
    }
}
