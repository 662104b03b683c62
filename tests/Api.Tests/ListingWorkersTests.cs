using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Tests;

/// <summary><c>GET /api/workers</c> and the hub's <c>WorkerChanged</c>, over rows stored through the real context and registry.</summary>
public sealed class ListingWorkersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Lease = new RunLeaseOptions().Lease;

    [Fact]
    public async Task A_worker_whose_heartbeat_is_older_than_the_lease_reads_as_lost_and_a_fresh_one_as_it_reported()
    {
        var jobId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await StoreAsync(Row("fresh-" + Guid.NewGuid(), WorkerState.Busy, now, jobId), Row("silent-" + Guid.NewGuid(), WorkerState.Busy, now - Lease - TimeSpan.FromSeconds(1), jobId));

        var workers = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/workers");

        var fresh = workers.EnumerateArray().Single(w => w.GetProperty("name").GetString()!.StartsWith("fresh-", StringComparison.Ordinal));
        var silent = workers.EnumerateArray().Single(w => w.GetProperty("name").GetString()!.StartsWith("silent-", StringComparison.Ordinal));
        Assert.Equal("Busy", fresh.GetProperty("state").GetString());
        Assert.Equal("Lost", silent.GetProperty("state").GetString());
        Assert.Equal(jobId, silent.GetProperty("currentJobId").GetGuid());
        Assert.Equal(silent.GetProperty("lastHeartbeat").GetDateTimeOffset() + Lease, silent.GetProperty("lostAfter").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_worker_reads_with_its_host_device_threads_version_job_heartbeat_and_throughput()
    {
        var name = "gpu-" + Guid.NewGuid();
        var jobId = Guid.NewGuid();
        var row = Row(name, WorkerState.Idle, DateTimeOffset.UtcNow, null);
        (row.DeviceKind, row.DeviceName, row.GpuMemoryTotalBytes, row.GpuMemoryUsedBytes, row.LastJobId, row.ImagesPerSecond) =
            ("cuda", "NVIDIA H200", 150_000_000_000, 2_000_000_000, jobId, 5123.5);
        await StoreAsync(row);
        var client = api.CreateClient();

        var worker = await client.GetFromJsonAsync<JsonElement>($"/api/workers/{name}");
        var missing = await client.GetAsync($"/api/workers/no-such-{Guid.NewGuid()}");

        Assert.Equal(
            ["name", "host", "deviceKind", "deviceName", "gpuMemoryTotalBytes", "gpuMemoryUsedBytes", "cpuThreads", "version", "state",
             "currentJobId", "lastJobId", "imagesPerSecond", "startedAt", "lastHeartbeat", "lostAfter"],
            worker.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("host-a", "cuda", "NVIDIA H200", 150_000_000_000, 2_000_000_000, 8, "1.2.3", "Idle"),
            (worker.GetProperty("host").GetString(), worker.GetProperty("deviceKind").GetString(), worker.GetProperty("deviceName").GetString(),
             worker.GetProperty("gpuMemoryTotalBytes").GetInt64(), worker.GetProperty("gpuMemoryUsedBytes").GetInt64(),
             worker.GetProperty("cpuThreads").GetInt32(), worker.GetProperty("version").GetString(), worker.GetProperty("state").GetString()));
        Assert.Equal(JsonValueKind.Null, worker.GetProperty("currentJobId").ValueKind);
        Assert.Equal(jobId, worker.GetProperty("lastJobId").GetGuid());
        Assert.Equal(5123.5, worker.GetProperty("imagesPerSecond").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Worker not found", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Each_heartbeat_and_a_clean_stop_reach_every_hub_connection_as_WorkerChanged()
    {
        var name = "live-" + Guid.NewGuid();
        var received = Channel.CreateUnbounded<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/training"), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(api.AdminKey);
            })
            .Build();
        connection.On<JsonElement>("WorkerChanged", e => { if (e.GetProperty("name").GetString() == name) received.Writer.TryWrite(e); });
        await connection.StartAsync();
        var registry = api.Services.GetRequiredService<WorkerRegistry>();

        var busy = await ReportUntilReceivedAsync(registry, Row(name, WorkerState.Busy, DateTimeOffset.UtcNow, Guid.NewGuid()), received.Reader);
        await registry.RemoveAsync(name, CancellationToken.None);
        var gone = await NextRemovalAsync(received.Reader).WaitAsync(TimeSpan.FromSeconds(10));
        var listed = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/workers");

        Assert.Equal("Busy", busy.GetProperty("worker").GetProperty("state").GetString());
        Assert.Equal(name, busy.GetProperty("worker").GetProperty("name").GetString());
        Assert.Equal(name, gone.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("worker").ValueKind);
        Assert.DoesNotContain(listed.EnumerateArray(), w => w.GetProperty("name").GetString() == name);
    }

    /// <summary>The relay starts listening asynchronously with the host, so the first heartbeat may precede it.</summary>
    private static async Task<JsonElement> ReportUntilReceivedAsync(WorkerRegistry registry, WorkerRecord row, ChannelReader<JsonElement> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            row.LastHeartbeat = DateTimeOffset.UtcNow;
            await registry.ReportAsync(row, CancellationToken.None);
            var wait = Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            if (await Task.WhenAny(reader.WaitToReadAsync(timeout.Token).AsTask(), wait) != wait)
            {
                return await reader.ReadAsync();
            }
        }
    }

    /// <summary>Heartbeats sent before the relay answered may still be in flight ahead of the removal.</summary>
    private static async Task<JsonElement> NextRemovalAsync(ChannelReader<JsonElement> reader)
    {
        while (true)
        {
            var change = await reader.ReadAsync();
            if (change.GetProperty("worker").ValueKind == JsonValueKind.Null) return change;
        }
    }

    private static WorkerRecord Row(string name, WorkerState state, DateTimeOffset heartbeat, Guid? jobId) => new()
    {
        Name = name, Host = "host-a", DeviceKind = "cpu", DeviceName = "Test CPU", CpuThreads = 8, Version = "1.2.3",
        State = state, CurrentJobId = jobId, LastJobId = jobId, StartedAt = heartbeat - TimeSpan.FromMinutes(5), LastHeartbeat = heartbeat,
    };

    private async Task StoreAsync(params WorkerRecord[] rows)
    {
        _ = api.Server;
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.Workers.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
