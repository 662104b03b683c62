namespace TrainingService.Api.Apis.Workers;

/// <summary>
/// One worker process as it last reported itself. <c>state</c> is <c>Idle</c>, <c>Busy</c>, <c>Draining</c>
/// or <c>Lost</c> (no heartbeat since <c>lostAfter</c>: the last heartbeat plus the run lease); a worker
/// that stops cleanly leaves the list. GPU figures are null on CPU workers and wherever NVML is absent.
/// <c>imagesPerSecond</c> is the training throughput of the last completed epoch of <c>lastJobId</c>.
/// </summary>
public sealed record WorkerResource(
    string Name,
    string Host,
    string DeviceKind,
    string? DeviceName,
    long? GpuMemoryTotalBytes,
    long? GpuMemoryUsedBytes,
    int CpuThreads,
    string Version,
    string State,
    Guid? CurrentJobId,
    Guid? LastJobId,
    double? ImagesPerSecond,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset LostAfter);
