using Hangfire;

namespace TrainingService.Core.Jobs;

/// <summary>
/// The background job the Api enqueues and the Worker performs. Its only argument is the job id,
/// so a job can be re-run from what is stored; the Worker supplies the implementation.
/// </summary>
public interface ITrainingJobRunner
{
    /// <remarks>
    /// No automatic retries: Hangfire counts exceptions, not crashes, and restarts are ours
    /// (<c>hyperparameters.maxRestarts</c>, counted on the job row). Whatever ended the run, the job row
    /// says what happens next; the returned <see cref="RunEnding"/> only tells Hangfire how to show it.
    /// No <c>[Queue]</c> here: it would override the queue the dispatcher picks from the job's device and priority.
    /// </remarks>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task<RunEnding> RunAsync(Guid jobId, CancellationToken cancellationToken);
}
