namespace TrainingService.Core.Queueing;

/// <summary>How runs prove they are alive and how soon a lost one is resumed; bound from <c>RunLeaseOptions</c> in every process.</summary>
public sealed class RunLeaseOptions
{
    /// <summary>A running job whose heartbeat is older than this is lost: it is queued again and resumes from its training checkpoint.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a run renews its lease (and reads stop requests it may have missed).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each process looks for lost runs and for queued jobs that have no Hangfire job yet.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
