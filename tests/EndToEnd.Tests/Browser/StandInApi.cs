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
/// </summary>
public sealed class StandInApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private StandInApi(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>How many jobs <c>GET /api/jobs</c> says exist; the pages within range are filled with generated jobs.</summary>
    public int JobCount { get; set; }

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
        app.MapHub<StandInTrainingHub>("/hubs/training");
        app.MapGet("/api/jobs", (int page, int pageSize) => Results.Content(api.JobPage(page, pageSize), "application/json"));
        app.MapGet("/api/jobs/{id:guid}", (Guid id) => JobNotFound(id));
        app.MapGet("/api/jobs/{id:guid}/{**rest}", (Guid id) => JobNotFound(id));
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

    private static IResult JobNotFound(Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has the id {id}.");

    private string JobPage(int page, int pageSize)
    {
        var first = (long)(page - 1) * pageSize;
        var count = (int)Math.Clamp(JobCount - first, 0, pageSize);
        var jobs = Enumerable.Range(0, count).Select(i => Job(first + i));
        return $$"""{"items":[{{string.Join(",", jobs)}}],"page":{{page}},"pageSize":{{pageSize}},"totalCount":{{JobCount}}}""";
    }

    private static string Job(long index) => $$"""
        {"id":"{{new Guid((int)index, 0, 0, new byte[8])}}","name":"job-{{index.ToString(CultureInfo.InvariantCulture)}}","status":"Queued",
         "spec":{"model":{"name":"lenet5"},"dataset":{"name":"mnist"} },"createdAt":"2026-11-23T01:00:00Z","startedAt":null,
         "finishedAt":null,"currentEpoch":0,"totalEpochs":5,"attempt":0,"workerName":null,"error":null,"result":null}
        """;
}
