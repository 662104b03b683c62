using Hangfire;

namespace TrainingService.Core.Jobs;

/// <summary>
/// The background job the Api enqueues and the Worker performs. Its only argument is the job id,
/// so a job can be re-run from what is stored; the Worker supplies the implementation.
/// </summary>
public interface ITrainingJobRunner
{
    /// <remarks>
    /// No automatic retries: Hangfire counts exceptions, not crashes, and a retry would start the
    /// run from scratch. A crashed worker's job is fetched again and taken over through the job row.
    /// </remarks>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [Queue(JobQueues.Training)]
    Task RunAsync(Guid jobId, CancellationToken cancellationToken);
}
