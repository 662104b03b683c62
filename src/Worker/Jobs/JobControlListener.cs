using Npgsql;
using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// LISTENs on <see cref="JobControlChannel"/> and pulls the stop switch of the named run if it trains
/// here, so a cancel or pause takes effect at the next batch boundary. Reconnects by itself; what it
/// misses meanwhile the heartbeat reads from the job row.
/// </summary>
public sealed class JobControlListener(IConfiguration configuration, ActiveRuns runs, ILogger<JobControlListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (JobControlChannel.Parse(e.Payload) is { } message)
                    {
                        runs.RequestStop(message.JobId, RunStopReason.UserRequest);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {JobControlChannel.Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                backoff = TimeSpan.FromMilliseconds(250);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Job control listener lost its connection; retrying in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
