using Microsoft.Extensions.Options;
using TrainingService.Core;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Sweeps;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Failures;
using TrainingService.Worker.Events;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// The Hangfire job. It is reentrant: whoever fetches it first claims the run through the job row, and
/// a duplicate fetch finds the job not queued and returns. The run stops at a batch boundary when the
/// user cancels or pauses it or the worker stops, always after a training checkpoint; the job row, never
/// Hangfire, decides what comes next, and restarts after crashes are counted there.
/// </summary>
public sealed class TrainingJobRunner(
    JobLifecycle lifecycle,
    TrainingRecords records,
    TrainingJobExecutor executor,
    BatchProgressPublisher progress,
    ActiveRuns activeRuns,
    IOptions<RunLeaseOptions> lease,
    IOptions<StorageOptions> storage,
    IOptions<WorkerOptions> worker,
    CheckpointArtifacts checkpoints,
    ImageFolderArtifacts uploadedDatasets,
    AshaReferee asha,
    IHostApplicationLifetime lifetime,
    ILogger<TrainingJobRunner> logger) : ITrainingJobRunner
{
    public async Task<RunEnding> RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var run = await lifecycle.TryStartRunAsync(jobId, worker.Value.Name, cancellationToken);
        if (run is null)
        {
            logger.LogInformation("Job {JobId} is not queued (finished, paused, or owned by a live run); nothing to do", jobId);
            return RunEnding.NothingToDo;
        }
        logger.LogInformation("Job {JobId} attempt {Attempt} started as run {RunId}{Resume}", jobId, run.Attempt, run.RunId,
            run.ResumeFrom is { } from ? $", resuming after epoch {from.Epoch} (step {from.Step})" : "");
        var control = activeRuns.Start(jobId);
        try
        {
            using var onShutdown = lifetime.ApplicationStopping.Register(() => control.RequestStop(RunStopReason.Drain));
            using var onHangfireStop = cancellationToken.Register(() => control.RequestStop(RunStopReason.Drain));
            var observer = new RunObserver(run, lifecycle, records, progress, storage.Value, checkpoints, asha, logger);
            await uploadedDatasets.EnsureLocalAsync(run.Spec.Dataset, control.Token);
            var request = new TrainingRequest(jobId, run.Attempt, run.Spec, run.Resolution, await MaterializeResumeAsync(run, control.Token));
            TrainingResult result;
            await using (new RunHeartbeat(run, records, lease.Value.HeartbeatInterval, control, logger))
            {
                result = await executor.RunAsync(request, observer, control.Token);
            }
            if (result.Outcome is { } outcome)
            {
                await lifecycle.CompleteAsync(run, outcome, CancellationToken.None);
                logger.LogInformation("Job {JobId} succeeded: test accuracy {Accuracy:P2}", jobId, outcome.TestAccuracy);
                return RunEnding.Succeeded;
            }
            return await EndStoppedRunAsync(run, control);
        }
        catch (Exception exception) when (control.Reason == RunStopReason.LeaseLost || exception is RunLeaseLostException)
        {
            logger.LogWarning("Job {JobId} run {RunId} lost its lease and stopped", jobId, run.RunId);
            return RunEnding.LeaseLost;
        }
        catch (OperationCanceledException) when (control.Token.IsCancellationRequested)
        {
            // Stopped before training began (while loading data): nothing new to checkpoint.
            return await EndStoppedRunAsync(run, control);
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            await lifecycle.FailAsync(run, TrainingFailureMessage.Describe(exception), CancellationToken.None);
            logger.LogError(exception, "Job {JobId} failed", jobId);
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Job {JobId} attempt {Attempt} crashed", jobId, run.Attempt);
            await lifecycle.RestartAfterCrashAsync(run, TrainingFailureMessage.Describe(exception), CancellationToken.None);
            return RunEnding.Restarting;
        }
        finally
        {
            activeRuns.End(control);
            RunMemory.Release();
        }
    }

    /// <summary>
    /// The training checkpoint to continue from and the best weights it names, fetched from the artifact store when
    /// this machine lacks them (an earlier attempt ran elsewhere) and verified by their rows' SHA-256.
    /// </summary>
    private async Task<string?> MaterializeResumeAsync(JobRun run, CancellationToken cancellationToken)
    {
        if (run.ResumeFrom is not { } resume)
        {
            return null;
        }
        var best = await records.CheckpointAsync(run.JobId, CheckpointNames.Best, cancellationToken);
        if (best is not null)
        {
            await checkpoints.MaterializeAsync(best.RelativePath, best.Sha256, cancellationToken);
        }
        return await checkpoints.MaterializeAsync(resume.RelativePath, resume.Sha256, cancellationToken);
    }

    /// <summary>The run stopped at a batch boundary with its training checkpoint stored; the job row says why.</summary>
    private async Task<RunEnding> EndStoppedRunAsync(JobRun run, RunControl control)
    {
        if (control.Reason == RunStopReason.LeaseLost)
        {
            return RunEnding.LeaseLost;
        }
        var request = await records.HeartbeatAsync(run, CancellationToken.None);
        switch (request)
        {
            case StopRequest.Cancel:
                await lifecycle.CancelRunAsync(run, CancellationToken.None);
                logger.LogInformation("Job {JobId} cancelled", run.JobId);
                return RunEnding.Cancelled;
            case StopRequest.Pause:
                await lifecycle.PauseRunAsync(run, CancellationToken.None);
                logger.LogInformation("Job {JobId} paused", run.JobId);
                return RunEnding.Paused;
            default:
                await lifecycle.HandBackAsync(run, CancellationToken.None);
                logger.LogWarning("Job {JobId} handed back to the queue because the worker is stopping", run.JobId);
                return RunEnding.HandedBack;
        }
    }

    /// <summary>
    /// Failures a restart cannot mend: the spec cannot train, the training diverged, a checkpoint is unreadable,
    /// the dataset's files are not where the message says to put them.
    /// </summary>
    private static bool IsPermanent(Exception exception) =>
        exception is TrainingDivergedException or ShapeMismatchException or InvalidCheckpointException or ArgumentException
            or DatasetUnavailableException;
}
