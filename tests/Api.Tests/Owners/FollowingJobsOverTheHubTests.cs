using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Owners;

/// <summary>The hub on real Kestrel with the .NET SignalR client, whose <c>AccessTokenProvider</c> sends the key.</summary>
public sealed class FollowingJobsOverTheHubTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_connection_without_a_valid_key_is_refused_with_401()
    {
        foreach (var key in new[] { null, hub.RevokedKey, "tsk_not-a-key" })
        {
            await using var connection = Connect(key);
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_member_joining_another_users_job_receives_nothing_while_the_owner_and_an_admin_receive_its_events()
    {
        var job = await hub.SubmitAsync(hub.Client(hub.Alice.Key.Secret));
        var (owner, ownerEvents) = await JoinedAsync(hub.Alice.Key.Secret, c => c.InvokeAsync("JoinJob", job));
        var (admin, adminEvents) = await JoinedAsync(AdminKey(), c => c.InvokeAsync("JoinJob", job));
        var (intruder, intruderEvents) = await JoinedAsync(hub.Bob.Key.Secret, c => c.InvokeAsync("JoinJob", job));
        await using (owner) await using (admin) await using (intruder)
        {
            await NotifyUntilReceivedAsync(Epoch(job, 1), ownerEvents.Reader);
            await NotifyUntilReceivedAsync(Epoch(job, 2), adminEvents.Reader);
            await Task.Delay(Quiet);

            Assert.Contains(job, Drain(ownerEvents));
            Assert.Contains(job, Drain(adminEvents));
            Assert.Empty(Drain(intruderEvents));
        }
    }

    [Fact]
    public async Task Following_all_jobs_delivers_a_members_own_jobs_only_and_every_job_to_an_admin()
    {
        var alices = await hub.SubmitAsync(hub.Client(hub.Alice.Key.Secret));
        var bobs = await hub.SubmitAsync(hub.Client(hub.Bob.Key.Secret));
        var (bob, bobEvents) = await JoinedAsync(hub.Bob.Key.Secret, c => c.InvokeAsync("JoinAllJobs"));
        var (admin, adminEvents) = await JoinedAsync(AdminKey(), c => c.InvokeAsync("JoinAllJobs"));
        await using (bob) await using (admin)
        {
            await NotifyUntilReceivedAsync(Epoch(alices, 1), adminEvents.Reader);
            await NotifyUntilReceivedAsync(Epoch(bobs, 1), bobEvents.Reader);
            await Task.Delay(Quiet);

            var bobSaw = Drain(bobEvents);
            var adminSaw = Drain(adminEvents);
            Assert.Contains(bobs, bobSaw);
            Assert.DoesNotContain(alices, bobSaw);
            Assert.Contains(alices, adminSaw);
        }
    }

    [Fact]
    public async Task WorkerChanged_reaches_everyone_but_names_a_workers_job_only_to_callers_who_may_see_it()
    {
        var job = await hub.SubmitAsync(hub.Client(hub.Alice.Key.Secret));
        var name = $"hub-{Guid.NewGuid():N}";
        var seen = new Dictionary<string, Channel<JsonElement>>();
        var connections = new List<HubConnection>();
        foreach (var (who, key) in new[] { ("alice", hub.Alice.Key.Secret), ("bob", hub.Bob.Key.Secret), ("admin", AdminKey()) })
        {
            var events = seen[who] = Channel.CreateUnbounded<JsonElement>();
            var connection = Connect(key);
            connection.On<JsonElement>("WorkerChanged", e => { if (e.GetProperty("name").GetString() == name) events.Writer.TryWrite(e); });
            await connection.StartAsync();
            connections.Add(connection);
        }
        try
        {
            var registry = hub.Api.Services.GetRequiredService<WorkerRegistry>();
            var row = new WorkerRecord
            {
                Name = name, Host = "host", DeviceKind = "cpu", Version = "test", CpuThreads = 2, State = WorkerState.Busy,
                CurrentJobId = job, StartedAt = DateTimeOffset.UtcNow, LastHeartbeat = DateTimeOffset.UtcNow,
            };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!seen.Values.All(c => c.Reader.Count > 0))
            {
                row.LastHeartbeat = DateTimeOffset.UtcNow;
                await registry.ReportAsync(row, CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(300), timeout.Token);
            }

            JsonElement CurrentJob(string who) => seen[who].Reader.TryRead(out var e) ? e.GetProperty("worker").GetProperty("currentJobId") : default;
            Assert.Equal(job, CurrentJob("alice").GetGuid());
            Assert.Equal(job, CurrentJob("admin").GetGuid());
            Assert.Equal(JsonValueKind.Null, CurrentJob("bob").ValueKind);
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private string AdminKey() => hub.Root.Key.Secret;

    private HubConnection Connect(string? key) => new HubConnectionBuilder()
        .WithUrl(new Uri(hub.Api.CreateClient().BaseAddress!, "/hubs/training"), options =>
        {
            if (key is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(key);
        })
        .Build();

    private async Task<(HubConnection Connection, Channel<Guid> Events)> JoinedAsync(string key, Func<HubConnection, Task> join)
    {
        var events = Channel.CreateUnbounded<Guid>();
        var connection = Connect(key);
        connection.On<JsonElement>("EpochCompleted", e => events.Writer.TryWrite(e.GetProperty("jobId").GetGuid()));
        await connection.StartAsync();
        await join(connection);
        return (connection, events);
    }

    private static List<Guid> Drain(Channel<Guid> events)
    {
        var seen = new List<Guid>();
        while (events.Reader.TryRead(out var job)) seen.Add(job);
        return seen;
    }

    private static EpochCompletedEvent Epoch(Guid job, int epoch) => new(job, epoch, 1, 1, null, null, 1, 1, 1, DateTimeOffset.UtcNow);

    /// <summary>The relay starts listening with the host, so the first NOTIFY may precede it; the reader is left unread.</summary>
    private async Task NotifyUntilReceivedAsync(TrainingEvent trainingEvent, ChannelReader<Guid> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            await using (var db = await hub.Api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync())
            {
                await db.NotifyAsync(trainingEvent, CancellationToken.None);
            }
            var wait = Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            if (await Task.WhenAny(reader.WaitToReadAsync(timeout.Token).AsTask(), wait) != wait) return;
        }
    }
}
