using Microsoft.Extensions.Options;
using TrainingService.Core;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;
using TrainingService.Worker.Events;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// The Hangfire job. It is reentrant: whoever fetches it first claims the run through the job row,
/// a duplicate fetch finds the run owned and returns, and a stopping worker hands its run back.
/// </summary>
public sealed class TrainingJobRunner(
    JobLifecycle lifecycle,
    TrainingRecords records,
    TrainingJobExecutor executor,
    BatchProgressPublisher progress,
    IOptions<TrainingOptions> training,
    IOptions<StorageOptions> storage,
    IOptions<WorkerOptions> worker,
    IHostApplicationLifetime lifetime,
    ILogger<TrainingJobRunner> logger) : ITrainingJobRunner
{
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var run = await lifecycle.TryStartRunAsync(jobId, worker.Value.Name, training.Value.StaleRunAfter, cancellationToken);
        if (run is null)
        {
            logger.LogInformation("Job {JobId} is finished or owned by a live run; nothing to do", jobId);
            return;
        }
        logger.LogInformation("Job {JobId} attempt {Attempt} started as run {RunId}", jobId, run.Attempt, run.RunId);
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var heartbeat = new RunHeartbeat(run, records, training.Value.HeartbeatInterval, lease, logger);
        var observer = new RunObserver(run, records, progress, storage.Value);
        try
        {
            var outcome = await executor.RunAsync(jobId, run.Spec, observer, lease.Token);
            await lifecycle.CompleteAsync(run, outcome, CancellationToken.None);
            logger.LogInformation("Job {JobId} succeeded: test accuracy {Accuracy:P2}", jobId, outcome.TestAccuracy);
        }
        catch (Exception exception) when (heartbeat.LeaseLost || exception is RunLeaseLostException)
        {
            logger.LogWarning("Job {JobId} run {RunId} lost its lease and stopped", jobId, run.RunId);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await lifecycle.ReleaseAsync(run, CancellationToken.None);
            logger.LogWarning("Job {JobId} handed back to the queue because the worker is stopping", jobId);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await lifecycle.CancelAsync(jobId, run.RunId, CancellationToken.None);
            logger.LogInformation("Job {JobId} cancelled", jobId);
        }
        catch (Exception exception)
        {
            await lifecycle.FailAsync(jobId, run.RunId, exception.Message, CancellationToken.None);
            logger.LogError(exception, "Job {JobId} failed", jobId);
            throw;
        }
    }
}
