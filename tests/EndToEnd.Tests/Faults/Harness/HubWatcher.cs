using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TrainingService.Faults.Harness;

/// <summary>
/// A SignalR client of <c>/hubs/training</c> that behaves like the dashboard's: it reconnects forever
/// with the same back-off and re-joins its jobs after each reconnect (the Api keeps subscriptions per
/// connection, so a restarted Api knows none). Every event is recorded with the moment it arrived.
/// The one <see cref="Connection"/> lives through Api restarts; <see cref="Closes"/> counts how often it
/// gave up, which should be never.
/// </summary>
public sealed class HubWatcher : IAsyncDisposable
{
    private static readonly string[] EventNames = ["JobStatusChanged", "EpochCompleted", "BatchProgress", "CheckpointSaved"];
    private readonly ConcurrentQueue<HubEvent> _events = new();
    private readonly ConcurrentQueue<DateTimeOffset> _reconnects = new();
    private readonly ConcurrentBag<Guid> _jobs = [];
    private int _closes;

    private HubWatcher(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyList<HubEvent> Events => _events.ToList();

    public IReadOnlyList<DateTimeOffset> Reconnects => _reconnects.ToList();

    public int Closes => _closes;

    public static async Task<HubWatcher> ConnectAsync(Uri api, ServiceKey key)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api, "/hubs/training"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(key.Secret))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        var watcher = new HubWatcher(connection);
        foreach (var name in EventNames)
        {
            connection.On<JsonElement>(name, payload => watcher._events.Enqueue(new HubEvent(name, payload, DateTimeOffset.UtcNow)));
        }
        connection.Reconnected += async _ =>
        {
            foreach (var job in watcher._jobs.Distinct())
            {
                await connection.InvokeAsync("JoinJob", job);
            }
            watcher._reconnects.Enqueue(DateTimeOffset.UtcNow);
        };
        connection.Closed += _ =>
        {
            Interlocked.Increment(ref watcher._closes);
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return watcher;
    }

    public async Task FollowAsync(Guid jobId)
    {
        _jobs.Add(jobId);
        await Connection.InvokeAsync("JoinJob", jobId);
    }

    public IEnumerable<HubEvent> Of(string name, Guid jobId) =>
        Events.Where(e => e.Name == name && e.Payload.GetProperty("jobId").GetGuid() == jobId);

    public async Task<HubEvent> WaitForAsync(string name, Guid jobId, Func<HubEvent, bool> match, TimeSpan timeout, string what) =>
        await TryWaitForAsync(name, jobId, match, timeout)
        ?? throw new FaultScenarioException($"No {name} event for {what} within {timeout} (hub state {Connection.State}).");

    /// <summary>The first matching event of the job, waiting for it up to <paramref name="timeout"/>; null if none came.</summary>
    public async Task<HubEvent?> TryWaitForAsync(string name, Guid jobId, Func<HubEvent, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Of(name, jobId).FirstOrDefault(match) is { } found) return found;
            await Task.Delay(20);
        }
        return null;
    }

    public async Task<DateTimeOffset> WaitForReconnectAfterAsync(DateTimeOffset after, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var at = Reconnects.FirstOrDefault(r => r > after);
            if (at != default) return at;
            await Task.Delay(20);
        }
        throw new FaultScenarioException($"The hub client did not reconnect within {timeout} (state {Connection.State}, closed {Closes} time(s)).");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>One hub event as it arrived.</summary>
public sealed record HubEvent(string Name, JsonElement Payload, DateTimeOffset ReceivedAt)
{
    public int Epoch => Payload.GetProperty("epoch").GetInt32();

    public string? Status => Payload.TryGetProperty("status", out var s) ? s.GetString() : null;

    public string? Reason => Payload.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
}

/// <summary>
/// The dashboard's policy (src/Web/Clients/Hub/ForeverRetryPolicy.cs, which this code cannot reference):
/// retry at once, then after 2, 5 and every 10 s, never giving up. The default policy stops after four tries.
/// </summary>
public sealed class ForeverRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Backoff[(int)Math.Min(retryContext.PreviousRetryCount, Backoff.Length - 1)];
}
