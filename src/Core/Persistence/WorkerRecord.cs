namespace TrainingService.Core.Persistence;

/// <summary>
/// One worker process as it last reported itself in its heartbeat. A worker that stops cleanly deletes
/// its row; one that dies leaves it behind, and it reads as <see cref="WorkerState.Lost"/> once its
/// heartbeat is older than the lease.
/// </summary>
public sealed class WorkerRecord
{
    /// <summary><c>WorkerOptions.Name</c>, the name its attempts record.</summary>
    public required string Name { get; set; }

    public required string Host { get; set; }

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public required string DeviceKind { get; set; }

    /// <summary>The CPU model, or the CUDA device's name where it could be read.</summary>
    public string? DeviceName { get; set; }

    public long? GpuMemoryTotalBytes { get; set; }

    /// <summary>Memory in use on the whole device (libtorch's cache included), where it could be read.</summary>
    public long? GpuMemoryUsedBytes { get; set; }

    /// <summary>libtorch's intra-op threads.</summary>
    public int CpuThreads { get; set; }

    public required string Version { get; set; }

    /// <summary>The stored state: never <see cref="WorkerState.Lost"/>.</summary>
    public WorkerState State { get; set; }

    public Guid? CurrentJobId { get; set; }

    /// <summary>The job its throughput was measured on: the current one, or the last it ran.</summary>
    public Guid? LastJobId { get; set; }

    /// <summary>Training images per second over the last completed epoch of <see cref="LastJobId"/>.</summary>
    public double? ImagesPerSecond { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastHeartbeat { get; set; }

    /// <summary>When the worker counts as lost if no heartbeat comes before.</summary>
    public DateTimeOffset LostAfter(TimeSpan lease) => LastHeartbeat + lease;

    public WorkerState StateAt(DateTimeOffset now, TimeSpan lease) => now > LostAfter(lease) ? WorkerState.Lost : State;
}
