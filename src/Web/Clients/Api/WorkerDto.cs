namespace TrainingService.Web.Clients.Api;

/// <summary>One worker process from <c>GET /api/workers</c>, as its last heartbeat reported it.</summary>
/// <param name="State"><c>Idle</c>, <c>Busy</c>, <c>Draining</c> or <c>Lost</c>; a string, so a state added later still reads.</param>
/// <param name="ImagesPerSecond">Training throughput of the last completed epoch of <paramref name="LastJobId"/>.</param>
/// <param name="LostAfter">When the Api counts it as lost if no heartbeat has come: the last heartbeat plus the run lease.</param>
public sealed record WorkerDto(
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
    DateTimeOffset LostAfter)
{
    public const string Lost = nameof(Lost);

    /// <summary>The state now: a worker whose heartbeat stopped reads as lost without waiting for the Api to say so.</summary>
    public string StateAt(DateTimeOffset now) => now > LostAfter ? Lost : State;
}
