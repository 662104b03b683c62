namespace TrainingService.Core.Jobs;

/// <summary>
/// The job state machine. Persistence applies a move only when the stored state is one of
/// <see cref="AllowedFrom"/>, in one conditional UPDATE, so two workers can never both win.
/// </summary>
public static class JobStatusTransitions
{
    private static readonly Dictionary<JobStatus, JobStatus[]> Sources = new()
    {
        // Queued from Running: a stopping worker hands its run back.
        [JobStatus.Queued] = [JobStatus.Running],
        // Running from Running is a takeover of a run whose worker stopped heartbeating.
        [JobStatus.Running] = [JobStatus.Queued, JobStatus.Running],
        [JobStatus.Succeeded] = [JobStatus.Running],
        [JobStatus.Failed] = [JobStatus.Queued, JobStatus.Running],
        [JobStatus.Cancelled] = [JobStatus.Queued, JobStatus.Running],
    };

    public static IReadOnlyList<JobStatus> AllowedFrom(JobStatus target) => Sources[target];

    public static bool IsAllowed(JobStatus from, JobStatus to) => Sources[to].Contains(from);

    public static bool IsTerminal(JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
