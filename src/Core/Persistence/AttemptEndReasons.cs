namespace TrainingService.Core.Persistence;

/// <summary>Why an attempt ended, as the API reports it.</summary>
public static class AttemptEndReasons
{
    /// <summary>The run threw; the job is restarted from its training checkpoint while restarts remain.</summary>
    public const string Crashed = "crashed";

    /// <summary>The worker stopped renewing its lease (killed, powered off, cut off from the database).</summary>
    public const string LostLease = "lost-lease";

    /// <summary>The worker was asked to stop and handed the run back with a training checkpoint.</summary>
    public const string Drained = "drained";

    public const string Paused = "paused";
    public const string Cancelled = "cancelled";
    public const string Finished = "finished";

    /// <summary>The run failed in a way a restart cannot mend (the training diverged, the spec cannot train).</summary>
    public const string Failed = "failed";
}
