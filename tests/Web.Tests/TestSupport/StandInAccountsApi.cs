using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>
/// A real HTTP server (Kestrel on a loopback port) answering as the Api does for a key: 401 with
/// <c>WWW-Authenticate: Bearer</c> without a known, unrevoked key; <c>/api/me</c>, an empty job list and one
/// checkpoint download otherwise. It records every Authorization header it was sent.
/// </summary>
public sealed class StandInAccountsApi : IAsyncDisposable
{
    public const string MemberKey = "tsk_membermembermembermembermembermembermemb";
    public const string AdminKey = "tsk_adminadminadminadminadminadminadminadmin";
    public static readonly Guid MemberKeyId = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    public static readonly Guid JobId = Guid.Parse("00000000-0000-0000-0000-00000000f00d");

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> revoked = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization)> requests = new();

    private StandInAccountsApi(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The checkpoint <c>best</c> of <see cref="JobId"/>, as bytes the proxy must pass on unchanged.</summary>
    public byte[] Checkpoint { get; } = RandomNumberGenerator.GetBytes(300_000);

    /// <summary>The bundle of <see cref="JobId"/>, as bytes the proxy must pass on unchanged.</summary>
    public byte[] Bundle { get; } = RandomNumberGenerator.GetBytes(5_000);

    public string CheckpointSha256 => Convert.ToHexStringLower(SHA256.HashData(Checkpoint));

    /// <summary>The Authorization header of each request to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<string?> AuthorizationsOf(string path) => [.. requests.Where(r => r.Path == path).Select(r => r.Authorization)];

    public void Revoke(string key) => revoked[key] = true;

    public static async Task<StandInAccountsApi> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new StandInAccountsApi(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Use((context, next) =>
        {
            api.requests.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault()));
            if (context.Request.Path.StartsWithSegments("/health") || api.Caller(context.Request) is not null)
            {
                return next(context);
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required").ExecuteAsync(context);
        });
        app.MapGet("/health/ready", () => Results.Content("""{"status":"Healthy","checks":[]}""", "application/json"));
        app.MapGet("/api/me", (HttpRequest request) => Results.Json(api.Caller(request)));
        app.MapGet("/api/jobs", (int page, int pageSize) =>
            Results.Content($$"""{"items":[],"page":{{page}},"pageSize":{{pageSize}},"totalCount":0}""", "application/json"));
        app.MapGet("/api/jobs/{id:guid}/bundle", (Guid id) => id == JobId
            ? Results.Bytes(api.Bundle, "application/zip", "job-bundle.zip")
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found"));
        app.MapGet("/api/jobs/{id:guid}/checkpoints/{name}", (Guid id, string name, HttpResponse response, string? format) =>
        {
            if (id != JobId || name != "best")
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Checkpoint not found");
            }

            response.Headers["X-Checksum-Sha256"] = api.CheckpointSha256;
            return Results.Bytes(api.Checkpoint, "application/octet-stream", $"{id}-best.{format ?? "pth"}",
                entityTag: new EntityTagHeaderValue($"\"{api.CheckpointSha256}\""), enableRangeProcessing: true);
        });
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private object? Caller(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault() ?? "";
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (key is null || revoked.ContainsKey(key))
        {
            return null;
        }

        return key switch
        {
            MemberKey => new { id = Guid.Parse("00000000-0000-0000-0000-0000000000a1"), name = "alice", role = "member", key = new { id = MemberKeyId, name = "laptop", prefix = MemberKey[..12] } },
            AdminKey => new { id = Guid.Parse("00000000-0000-0000-0000-0000000000a2"), name = "root", role = "admin", key = new { id = Guid.NewGuid(), name = "first", prefix = AdminKey[..12] } },
            _ => null,
        };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
