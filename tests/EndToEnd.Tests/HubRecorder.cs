using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TrainingService.EndToEnd.Tests;

/// <summary>A .NET SignalR client that records every event it receives, in order.</summary>
public sealed class HubRecorder : IAsyncDisposable
{
    private static readonly string[] EventNames = ["JobStatusChanged", "EpochCompleted", "BatchProgress", "CheckpointSaved"];
    private readonly ConcurrentQueue<(string Name, JsonElement Payload)> _events = new();

    private HubRecorder(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyList<(string Name, JsonElement Payload)> Events => _events.ToList();

    public static async Task<HubRecorder> ConnectAsync(Uri hub, string key)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options => options.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .WithAutomaticReconnect()
            .Build();
        var recorder = new HubRecorder(connection);
        foreach (var name in EventNames)
        {
            connection.On<JsonElement>(name, payload => recorder._events.Enqueue((name, payload)));
        }
        await connection.StartAsync();
        return recorder;
    }

    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> match, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (eventName, payload) in _events)
            {
                if (eventName == name && match(payload)) return payload;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No {name} event matched within {timeout}.\n{diagnostics()}");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
