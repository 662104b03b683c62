using System.Threading.Channels;
using Npgsql;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Library;

/// <summary>LISTENs on the events channel of a test database, as the Api's relay does, and hands out what arrives.</summary>
internal sealed class EventListener : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly Channel<TrainingEvent> _events = Channel.CreateUnbounded<TrainingEvent>();
    private readonly CancellationTokenSource _stop = new();
    private Task _waiting = Task.CompletedTask;

    private EventListener(NpgsqlConnection connection) => _connection = connection;

    public static async Task<EventListener> StartAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var listener = new EventListener(connection);
        connection.Notification += (_, e) =>
        {
            if (TrainingEventNotifier.Deserialize(e.Payload) is { } parsed) listener._events.Writer.TryWrite(parsed);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {TrainingEvent.Channel}", connection)) await listen.ExecuteNonQueryAsync();
        listener._waiting = listener.WaitAsync();
        return listener;
    }

    /// <summary>The first event that matches, within 30 s (a bound on a hang, not a timing claim).</summary>
    public async Task<TrainingEvent> NextAsync(Func<TrainingEvent, bool> match)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = await _events.Reader.ReadAsync(bound.Token);
            if (match(next)) return next;
        }
    }

    private async Task WaitAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested) await _connection.WaitAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _waiting;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
