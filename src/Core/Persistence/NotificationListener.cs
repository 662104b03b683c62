using Microsoft.Extensions.Logging;
using Npgsql;

namespace TrainingService.Core.Persistence;

/// <summary>
/// LISTENs on one PostgreSQL channel on a dedicated connection and hands every payload on. It reconnects
/// by itself with back-off; NOTIFY is not queued for an absent listener, so <c>onReconnected</c> lets the
/// caller recover what it may have missed.
/// </summary>
public sealed class NotificationListener(string connectionString, string channel, ILogger logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled; <paramref name="onPayload"/> runs on the connection's thread and must return at once.</summary>
    public async Task ListenAsync(Action<string> onPayload, Func<CancellationToken, Task>? onReconnected, CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => onPayload(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                logger.LogInformation("Listening on channel {Channel}", channel);
                if (connectedBefore && onReconnected is not null)
                {
                    await onReconnected(stoppingToken);
                }
                connectedBefore = true;
                backoff = FirstBackoff;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Listener on channel {Channel} lost its connection; retrying in {Delay}", channel, backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
