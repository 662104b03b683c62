using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// A real HTTP server answering the Api's routes the dashboard reads with fixed JSON, plus a real SignalR hub,
/// so the browser tests can put the dashboard in each state (no such job, a page past the end, a degraded Api)
/// without a database or a worker. The dashboard only talks HTTP to the Api, so nothing of the Web is replaced.
/// Like the Api, it answers 401 to every route but health without a known key (Bearer, or the hub's access_token),
/// and serves the accounts routes the dashboard's sign-in, Keys and Users pages use.
/// </summary>
public sealed class StandInApi : IAsyncDisposable
{
    /// <summary>The admin's key, as <c>./run.sh</c> prints it for the one-click sign-in link.</summary>
    public const string AdminKey = "tsk_browserbrowserbrowserbrowserbrowserbrows";

    /// <summary>A job that exists, with two epochs of metrics and a checkpoint, so its page draws its charts.</summary>
    public static readonly Guid KnownJob = Guid.Parse("00000000-0000-0000-0000-00000000beef");

    private static readonly Guid AdminId = Guid.Parse("00000000-0000-0000-0000-0000000000ad");
    private static readonly Guid AdminKeyId = Guid.Parse("00000000-0000-0000-0000-0000000000ae");
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> hubKeys = new();
    private readonly ConcurrentDictionary<Guid, string> submitted = new();
    private readonly ConcurrentQueue<string> submissions = new();

    private StandInApi(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The keys hub connections were opened with.</summary>
    public IReadOnlyCollection<string> HubKeys => [.. hubKeys.Keys];

    /// <summary>The bodies <c>POST /api/jobs</c> accepted, in order.</summary>
    public IReadOnlyCollection<string> Submissions => [.. submissions];

    /// <summary>How many jobs <c>GET /api/jobs</c> says exist; the pages within range are filled with generated jobs.</summary>
    public int JobCount { get; set; }

    /// <summary>Named jobs to filter, compare and delete; once one is added, <c>GET /api/jobs</c> lists these instead of <see cref="JobCount"/>.</summary>
    public StandInJobLibrary Library { get; } = new();

    public StandInSweeps Sweeps { get; } = new();

    /// <summary>What <c>GET /health/ready</c> answers: the HTTP status and the contract's JSON body.</summary>
    public (HttpStatusCode Status, string Body) Readiness { get; set; } = (HttpStatusCode.OK, ReadinessBody("Healthy", "Healthy", "Healthy"));

    public static async Task<StandInApi> StartAsync()
    {
        var port = ServiceProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        var api = new StandInApi(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Use((context, next) => api.RequireKeyAsync(context, next));
        app.MapHub<StandInTrainingHub>("/hubs/training");
        app.MapGet("/api/me", () => Results.Json(new { id = AdminId, name = "root", role = "admin", key = new { id = AdminKeyId, name = "first", prefix = AdminKey[..12] } }));
        app.MapGet("/api/keys", () => Results.Json(new[] { new { id = AdminKeyId, name = "first", prefix = AdminKey[..12], createdAt = "2026-11-23T01:00:00Z", lastUsedAt = "2026-12-01T01:00:00Z", revokedAt = (string?)null } }));
        app.MapGet("/api/users", () => Results.Json(new[] { new { id = AdminId, name = "root", role = "admin", createdAt = "2026-11-23T01:00:00Z" } }));
        app.MapGet($"/api/jobs/{KnownJob}", () => Results.Content(Job(KnownJob, "Succeeded", 2), "application/json"));
        app.MapGet($"/api/jobs/{KnownJob}/metrics", () => Results.Content(Metrics, "application/json"));
        app.MapGet($"/api/jobs/{KnownJob}/checkpoints", () => Results.Content(Checkpoints, "application/json"));
        app.MapGet($"/api/jobs/{KnownJob}/attempts", () => Results.Content("[]", "application/json"));
        app.MapGet($"/api/jobs/{KnownJob}/steps", () => Results.Content(Steps, "application/json"));
        api.Sweeps.Map(app);
        app.MapGet("/api/jobs", (HttpRequest request, int page, int pageSize) =>
            api.Library.InUse ? api.Library.List(request) : Results.Content(api.JobPage(page, pageSize), "application/json"));
        app.MapPost("/api/jobs/validate", async (HttpRequest request) => Check(await ReadBodyAsync(request)) ?? Results.Content(Validation, "application/json"));
        app.MapPost("/api/jobs", async (HttpRequest request) => api.Submit(await ReadBodyAsync(request)));
        app.MapGet("/api/jobs/{id:guid}", (Guid id) =>
            api.Library.TryGet(id, out var job) ? StandInJobLibrary.Json(job.Json())
            : api.submitted.TryGetValue(id, out var submitted) ? Results.Content(submitted, "application/json")
            : JobNotFound(id));
        app.MapDelete("/api/jobs/{id:guid}", (Guid id) => api.Library.Delete(id));
        app.MapGet("/api/jobs/{id:guid}/metrics", (Guid id) => api.Library.TryGet(id, out var job) ? StandInJobLibrary.Json(job.Metrics()) : JobNotFound(id));
        app.MapGet("/api/jobs/{id:guid}/evaluation", (Guid id) => api.Library.TryGet(id, out var job) ? job.Evaluation() : JobNotFound(id));
        app.MapGet("/api/jobs/{id:guid}/checkpoints", (Guid id) => api.Library.TryGet(id, out _) ? StandInJobLibrary.Json(Checkpoints.Replace(KnownJob.ToString(), id.ToString(), StringComparison.Ordinal)) : JobNotFound(id));
        app.MapGet("/api/jobs/{id:guid}/steps", (Guid id) => api.Library.TryGet(id, out _) ? StandInJobLibrary.Json(Steps) : JobNotFound(id));
        app.MapGet("/api/jobs/{id:guid}/{**rest}", (Guid id) => JobNotFound(id));
        app.MapGet("/api/storage", () => StandInJobLibrary.Json(Storage));
        app.MapGet("/api/models", () => StandInJobLibrary.Json(Models));
        app.MapGet("/api/datasets", () => StandInJobLibrary.Json(Datasets));
        app.MapGet("/health/ready", () => Results.Content(api.Readiness.Body, "application/json", statusCode: (int)api.Readiness.Status));
        await app.StartAsync();
        return api;
    }

    /// <summary>A readiness body as the health contract words it, for a database and a workers check.</summary>
    public static string ReadinessBody(string overall, string database, string workers) => $$"""
        {"status":"{{overall}}","checks":[
          {"name":"database","status":"{{database}}","description":"{{(database == "Healthy" ? "PostgreSQL answered in 3 ms." : "PostgreSQL is unreachable: connection refused.")}}","durationMs":3.1},
          {"name":"workers","status":"{{workers}}","description":"{{(workers == "Healthy" ? "1 worker(s) online." : "No worker is online; jobs wait in Queued until one starts.")}}","durationMs":1.2}]}
        """;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task RequireKeyAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            return next();
        }

        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : context.Request.Query["access_token"].ToString();
        if (key != AdminKey)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required").ExecuteAsync(context);
        }

        if (context.Request.Path.StartsWithSegments("/hubs"))
        {
            hubKeys[key] = true;
        }

        return next();
    }

    /// <summary>Like the Api, refuses a learning rate above 10 naming the field, and takes anything else.</summary>
    private static IResult? Check(string body)
    {
        var rate = System.Text.Json.Nodes.JsonNode.Parse(body)?["hyperparameters"]?["learningRate"];
        return rate is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out double number) && number is > 0 and <= 10
            ? null
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["hyperparameters.learningRate"] = ["must be greater than 0 and at most 10."] },
                title: "The job specification has errors.");
    }

    private IResult Submit(string body)
    {
        if (Check(body) is { } refusal) return refusal;
        var id = Guid.NewGuid();
        var name = System.Text.Json.Nodes.JsonNode.Parse(body)?["name"]?.ToString() ?? "lenet5 on mnist";
        submitted[id] = Job(id, "Queued", 0, name);
        submissions.Enqueue(body);
        return Results.Content(submitted[id], "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }

    private const string Models = """
        [{"name":"lenet5","family":"LeNet","description":"LeCun et al. 1998.","defaultInputShape":"1x32x32","defaultClasses":10,"parameters":61706,"multAdds":416520}]
        """;

    private const string Datasets = """
        {"builtIn":[{"name":"mnist","displayName":"MNIST","channels":1,"height":28,"width":28,"classNames":["0","1","2","3","4","5","6","7","8","9"],
                     "trainCount":60000,"testCount":10000,"source":"LeCun et al."}],"uploaded":[]}
        """;

    private const string Validation = """
        {"spec":{"name":"lenet5 on mnist","model":{"name":"lenet5","numClasses":10,"init":"default"},"dataset":{"name":"mnist","validationFraction":0.1},
                 "hyperparameters":{"epochs":1,"batchSize":64,"learningRate":0.05,"optimizer":"sgd","momentum":0,"weightDecay":0,"seed":42}},
         "input":{"dataset":"mnist","imageShape":"1x28x28","inputShape":"1x32x32","classCount":10,"outputClasses":10},
         "summary":{"model":"lenet5","batch":1,"inputShape":"1x32x32","layers":[],"totalParams":61706,"trainableParams":61706,"totalMultAdds":416520,
                    "inputSizeMb":0.0,"forwardBackwardPassSizeMb":0.05,"paramsSizeMb":0.25,"estimatedTotalSizeMb":0.3,"text":"Total params: 61,706"},
         "trainingMemory":{"totalBytes":5000000,"parameterStateBytes":740000,"batchBytes":4260000,"batchSize":64,"limitBytes":34359738368}}
        """;

    private const string Metrics = """
        [{"epoch":1,"trainLoss":0.9,"trainAccuracy":0.7,"validationLoss":0.8,"validationAccuracy":0.75,"learningRate":0.05,"epochSeconds":3.2,"imagesPerSecond":900,"recordedAt":"2026-11-23T01:01:00Z"},
         {"epoch":2,"trainLoss":0.4,"trainAccuracy":0.88,"validationLoss":0.45,"validationAccuracy":0.86,"learningRate":0.05,"epochSeconds":3.1,"imagesPerSecond":910,"recordedAt":"2026-11-23T01:02:00Z"}]
        """;

    private static readonly string Checkpoints = $$"""
        [{"name":"best","epoch":2,"sizeBytes":248000,"sha256":"ab12cd34ef56","createdAt":"2026-11-23T01:02:00Z","downloadUrl":"/api/jobs/{{KnownJob}}/checkpoints/best","step":1876}]
        """;

    private const string Steps = """{"totalSteps":4,"points":[{"step":0,"mean":2.3,"min":2.2,"max":2.4},{"step":2,"mean":1.1,"min":0.9,"max":1.3}]}""";

    private const string Storage = """
        {"checkpointBytes":3145728,"checkpointFiles":6,"datasetBytes":0,"datasets":0,"artifactStore":"/srv/artifacts",
         "retention":{"enabled":true,"trainingCheckpointDays":14,"maxCheckpointBytes":null,"interval":"01:00:00","lastRunAt":null,"lastFreedBytes":null}}
        """;

    private static IResult JobNotFound(Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has the id {id}.");

    private string JobPage(int page, int pageSize)
    {
        var first = (long)(page - 1) * pageSize;
        var count = (int)Math.Clamp(JobCount - first, 0, pageSize);
        var jobs = Enumerable.Range(0, count).Select(i => Job(first + i));
        return $$"""{"items":[{{string.Join(",", jobs)}}],"page":{{page}},"pageSize":{{pageSize}},"totalCount":{{JobCount}}}""";
    }

    private static string Job(long index) => Job(new Guid((int)index, 0, 0, new byte[8]), "Queued", 0, $"job-{index.ToString(CultureInfo.InvariantCulture)}");

    private static string Job(Guid id, string status, int epoch, string name = "lenet5-mnist") => $$"""
        {"id":"{{id}}","name":"{{name}}","status":"{{status}}","owner":"root",
         "spec":{"model":{"name":"lenet5"},"dataset":{"name":"mnist"} },"createdAt":"2026-11-23T01:00:00Z","startedAt":null,
         "finishedAt":null,"currentEpoch":{{epoch}},"totalEpochs":5,"attempt":0,"workerName":null,"error":null,"result":null}
        """;
}
