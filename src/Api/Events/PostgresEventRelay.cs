using System.Threading.Channels;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Events;

/// <summary>
/// LISTENs on the events channel and relays every notification to the SignalR hub. NOTIFY is not
/// queued for absent listeners, so after a reconnect clients are told to refetch from the tables.
/// </summary>
public sealed class PostgresEventRelay(IConfiguration configuration, IServiceProvider services, ILogger<PostgresEventRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!;
        var dispatcher = ActivatorUtilities.CreateInstance<HubEventDispatcher>(services);
        var payloads = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var forwarding = ForwardAsync(payloads.Reader, dispatcher, stoppingToken);
        await new NotificationListener(connectionString, TrainingEvent.Channel, logger)
            .ListenAsync(payload => payloads.Writer.TryWrite(payload), dispatcher.AnnounceResumedAsync, stoppingToken);
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
