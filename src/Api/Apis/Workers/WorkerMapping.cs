using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Workers;

/// <summary>Rows to resources, with <c>Lost</c> derived here, the one place that judges a worker's heartbeat.</summary>
public static class WorkerMapping
{
    public static WorkerResource ToResource(this WorkerRecord w, DateTimeOffset now, TimeSpan lease) =>
        new(w.Name, w.Host, w.DeviceKind, w.DeviceName, w.GpuMemoryTotalBytes, w.GpuMemoryUsedBytes, w.CpuThreads, w.Version,
            w.StateAt(now, lease).ToString(), w.CurrentJobId, w.LastJobId, w.ImagesPerSecond, w.StartedAt, w.LastHeartbeat, w.LostAfter(lease));
}
