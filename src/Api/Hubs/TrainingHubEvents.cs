namespace TrainingService.Api.Hubs;

/// <summary>The client methods the hub calls.</summary>
public static class TrainingHubEvents
{
    public const string JobStatusChanged = nameof(JobStatusChanged);
    public const string EpochCompleted = nameof(EpochCompleted);
    public const string BatchProgress = nameof(BatchProgress);
    public const string CheckpointSaved = nameof(CheckpointSaved);

    /// <summary>A job's tags or note changed (<c>PATCH /api/jobs/{id}</c>), to its followers and all-jobs followers.</summary>
    public const string JobLabelsChanged = nameof(JobLabelsChanged);

    /// <summary>A job was deleted, to its followers and all-jobs followers; its id is never found again.</summary>
    public const string JobDeleted = nameof(JobDeleted);

    /// <summary>Sent to every connection at each worker heartbeat and when a worker leaves (see <c>WorkerChange</c>).</summary>
    public const string WorkerChanged = nameof(WorkerChanged);

    /// <summary>Sent after the Api re-established its database listener: events may have been missed, refetch.</summary>
    public const string StreamResumed = nameof(StreamResumed);
}
