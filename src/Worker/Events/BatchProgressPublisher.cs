using System.Threading.Channels;
using Npgsql;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Events;

/// <summary>
/// Sends batch progress with NOTIFY off the training thread. Only the newest figure matters, so
/// the buffer holds one and a slow database never slows training.
/// </summary>
public sealed class BatchProgressPublisher(IConfiguration configuration, ILogger<BatchProgressPublisher> logger) : BackgroundService
{
    private readonly Channel<BatchProgressEvent> _pending = Channel.CreateBounded<BatchProgressEvent>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(BatchProgressEvent progress) => _pending.Writer.TryWrite(progress);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await foreach (var progress in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
                command.Parameters.Add(new NpgsqlParameter { Value = TrainingEvent.Channel });
                command.Parameters.Add(new NpgsqlParameter { Value = TrainingEventNotifier.Serialize(progress) });
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogDebug(exception, "Batch progress of job {JobId} not announced", progress.JobId);
            }
        }
    }
}
