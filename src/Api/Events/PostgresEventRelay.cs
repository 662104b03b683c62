using System.Threading.Channels;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Events;

/// <summary>
/// LISTENs on the events channel and the workers' channel and relays every notification to the SignalR
/// hub. NOTIFY is not queued for absent listeners, so after a reconnect clients are told to refetch
/// from the tables.
/// </summary>
public sealed class PostgresEventRelay(IConfiguration configuration, IServiceProvider services, ILogger<PostgresEventRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!;
        var dispatcher = ActivatorUtilities.CreateInstance<HubEventDispatcher>(services);
        await Task.WhenAll(
            RelayAsync(connectionString, TrainingEvent.Channel, dispatcher, TrainingEventNotifier.Deserialize, dispatcher.DispatchAsync, stoppingToken),
            RelayAsync(connectionString, WorkerChannel.Name, dispatcher, WorkerChannel.Parse, dispatcher.DispatchAsync, stoppingToken));
    }

    private async Task RelayAsync<T>(string connectionString, string channel, HubEventDispatcher dispatcher,
        Func<string, T?> parse, Func<T, CancellationToken, Task> dispatch, CancellationToken stoppingToken) where T : class
    {
        var payloads = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var forwarding = ForwardAsync(payloads.Reader, parse, dispatch, stoppingToken);
        await new NotificationListener(connectionString, channel, logger)
            .ListenAsync(payload => payloads.Writer.TryWrite(payload), dispatcher.AnnounceResumedAsync, stoppingToken);
        payloads.Writer.TryComplete();
        await forwarding;
    }

    private async Task ForwardAsync<T>(ChannelReader<string> payloads, Func<string, T?> parse, Func<T, CancellationToken, Task> dispatch,
        CancellationToken stoppingToken) where T : class
    {
        await foreach (var payload in payloads.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (parse(payload) is { } message)
                    await dispatch(message, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not relay notification {Payload}", payload);
            }
        }
    }
}
