namespace TrainingService.Core.Jobs;

/// <summary>
/// How one delivery of a job ended, as the runner returns it to Hangfire; <see cref="Queueing.RunEndingStateFilter"/>
/// turns every ending but <see cref="Succeeded"/> into Hangfire's Deleted state, so Hangfire never shows
/// a cancelled, paused or handed-back run as succeeded.
/// </summary>
public enum RunEnding
{
    Succeeded,
    Cancelled,
    Paused,

    /// <summary>The worker was stopping; the job is queued again under a new Hangfire job.</summary>
    HandedBack,

    /// <summary>The run crashed and the job is queued again under a new Hangfire job.</summary>
    Restarting,

    /// <summary>The run lost its lease to the supervisor; another delivery continues it.</summary>
    LeaseLost,

    /// <summary>The job was not queued when this delivery arrived (a duplicate, or cancelled or paused meanwhile).</summary>
    NothingToDo,
}
