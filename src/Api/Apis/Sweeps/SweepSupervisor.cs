using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TrainingService.Api.Limits;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Sweeps;

namespace TrainingService.Api.Apis.Sweeps;

/// <summary>
/// Advances the running sweeps in every Api process: every <see cref="RunLeaseOptions.SweepInterval"/>, and at once when a
/// job ends (its status NOTIFY), so the next trial follows a finished one promptly. The Api, not the Worker, does it because
/// creating a trial validates it as <c>POST /api/jobs</c> does, against the uploaded datasets only the Api catalogues;
/// sweep rows taken with SKIP LOCKED let any number of Api processes run it at once.
/// </summary>
public sealed class SweepSupervisor(SweepLifecycle sweeps, IConfiguration configuration, IOptions<RunLeaseOptions> lease, IOptions<ApiKeyLimits> keyLimits,
    ILogger<SweepSupervisor> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!;
        var listening = new NotificationListener(connectionString, TrainingEvent.Channel, logger)
            .ListenAsync(OnPayload, OnReconnected, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var created = await sweeps.AdvanceAsync(keyLimits.Value.MaxActiveJobs, stoppingToken);
                if (created > 0) logger.LogInformation("Created {Count} sweep trial(s)", created);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Advancing sweeps failed; retrying in {Interval}", lease.Value.SweepInterval);
            }
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            tick.CancelAfter(lease.Value.SweepInterval);
            await ((Task)_wake.Reader.ReadAsync(tick.Token).AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await listening;
    }

    private void OnPayload(string payload)
    {
        if (IsEnding(payload))
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>Endings announced while the listener was away were missed: look at once.</summary>
    private Task OnReconnected(CancellationToken cancellationToken)
    {
        _wake.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    private static bool IsEnding(string payload)
    {
        try
        {
            return TrainingEventNotifier.Deserialize(payload) is JobStatusChangedEvent { Status: var status } && JobStatusTransitions.IsTerminal(status);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
