namespace TrainingService.Core.Jobs;

/// <summary>
/// The job state machine. Persistence applies a move only when the stored state is one of
/// <see cref="AllowedFrom"/>, in one conditional UPDATE, so two workers (or a worker and a user)
/// can never both win.
/// </summary>
public static class JobStatusTransitions
{
    private static readonly Dictionary<JobStatus, JobStatus[]> Sources = new()
    {
        // Queued from Running: a draining worker handed its run back, or a lost or crashed run is restarted.
        // Queued from Paused: the user resumed it.
        [JobStatus.Queued] = [JobStatus.Running, JobStatus.Paused],
        [JobStatus.Running] = [JobStatus.Queued],
        [JobStatus.Paused] = [JobStatus.Queued, JobStatus.Running],
        [JobStatus.Succeeded] = [JobStatus.Running],
        [JobStatus.Failed] = [JobStatus.Queued, JobStatus.Running],
        [JobStatus.Cancelled] = [JobStatus.Queued, JobStatus.Running, JobStatus.Paused],
    };

    public static IReadOnlyList<JobStatus> AllowedFrom(JobStatus target) => Sources[target];

    public static bool IsAllowed(JobStatus from, JobStatus to) => Sources[to].Contains(from);

    public static bool IsTerminal(JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
