using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingService.Api.Health;
using TrainingService.Api.Problems;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Tests;

/// <summary>The health contract with PostgreSQL up: liveness, and readiness with and without a worker on the training queue.</summary>
public sealed class ReadinessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Liveness_is_200_healthy_and_runs_no_check()
    {
        var response = await api.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Readiness_with_no_worker_is_degraded_and_still_200(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var database = Check(body, "database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Matches(@"^PostgreSQL answered in \d+ ms\.$", database.GetProperty("description").GetString());
        Assert.True(database.GetProperty("durationMs").GetDouble() >= 0);
        var workers = Check(body, "workers");
        Assert.Equal("Degraded", workers.GetProperty("status").GetString());
        Assert.StartsWith("No worker is online;", workers.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_readiness_check_whose_caller_went_away_leaves_requests_served()
    {
        var check = ActivatorUtilities.CreateInstance<DatabaseHealthCheck>(api.Services);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(DatabaseHealthCheck.Name, check, HealthStatus.Unhealthy, null, TimeSpan.FromSeconds(2)),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.CheckHealthAsync(context, new CancellationToken(canceled: true)));

        Assert.True(api.Services.GetRequiredService<DatabaseAvailability>().IsAvailable);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task Readiness_is_healthy_once_a_hangfire_server_listens_on_the_training_queue()
    {
        var storage = api.Services.GetRequiredService<JobStorage>();
        using (new BackgroundJobServer(new BackgroundJobServerOptions { Queues = ["some-other-queue"], WorkerCount = 1 }, storage))
        {
            await AnnouncedAsync(storage);
            var elsewhere = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/health/ready")).RootElement;
            Assert.Equal("Degraded", Check(elsewhere, "workers").GetProperty("status").GetString());
        }
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { Queues = TrainingQueues.ListenedBy(DeviceClass.Cpu), WorkerCount = 1 }, storage);
        await AnnouncedAsync(storage, TrainingQueues.For(JobPriority.Normal, QueueTarget.Cpu));

        var response = await api.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "workers").GetProperty("status").GetString());
        Assert.Equal("1 worker(s) online.", Check(body, "workers").GetProperty("description").GetString());
    }

    /// <summary>Hangfire announces a server from a background thread; waits until the storage lists one (on the queue, if named).</summary>
    private static async Task AnnouncedAsync(JobStorage storage, string? queue = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (storage.GetMonitoringApi().Servers().Any(s => queue is null || s.Queues.Contains(queue))) return;
            await Task.Delay(100);
        }
        Assert.Fail("The Hangfire server never announced itself.");
    }

    internal static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
