using System.Threading.Channels;
using Npgsql;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Events;

/// <summary>
/// LISTENs on the events channel and relays every notification to the SignalR hub. NOTIFY is not
/// queued for absent listeners, so after a reconnect clients are told to refetch from the tables.
/// </summary>
public sealed class PostgresEventRelay(IConfiguration configuration, IServiceProvider services, ILogger<PostgresEventRelay> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!;
        var dispatcher = ActivatorUtilities.CreateInstance<HubEventDispatcher>(services);
        var payloads = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var forwarding = ForwardAsync(payloads.Reader, dispatcher, stoppingToken);
        var backoff = TimeSpan.FromMilliseconds(250);
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => payloads.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {TrainingEvent.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                logger.LogInformation("Listening for training events on channel {Channel}", TrainingEvent.Channel);
                if (connectedBefore) await dispatcher.AnnounceResumedAsync(stoppingToken);
                connectedBefore = true;
                backoff = TimeSpan.FromMilliseconds(250);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Training event listener lost its connection; retrying in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
        payloads.Writer.TryComplete();
        await forwarding;
    }

    private async Task ForwardAsync(ChannelReader<string> payloads, HubEventDispatcher dispatcher, CancellationToken stoppingToken)
    {
        await foreach (var payload in payloads.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (TrainingEventNotifier.Deserialize(payload) is { } trainingEvent)
                    await dispatcher.DispatchAsync(trainingEvent, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not relay training event {Payload}", payload);
            }
        }
    }
}
