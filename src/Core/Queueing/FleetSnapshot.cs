using Hangfire;

namespace TrainingService.Core.Queueing;

/// <summary>
/// The training workers online now, read from Hangfire's servers list (the fleet shares only PostgreSQL):
/// a server counts while its heartbeat is under a minute old (Hangfire servers beat every 30 s), and its
/// device class is read from the queues it listens on.
/// </summary>
public sealed record FleetSnapshot(IReadOnlyList<OnlineWorker> Workers, int JobsWaitingForGpus)
{
    public static readonly TimeSpan HeartbeatWindow = TimeSpan.FromMinutes(1);

    public static FleetSnapshot Empty { get; } = new([], 0);

    public bool HasWorkerFor(QueueTarget target) => target switch
    {
        QueueTarget.Cpu => Workers.Any(w => w.Device == DeviceClass.Cpu),
        QueueTarget.Cuda => Workers.Any(w => w.Device == DeviceClass.Cuda),
        _ => Workers.Count > 0,
    };

    /// <summary>GPU workers idle now less the jobs already waiting that a GPU worker would take: what an auto job may claim.</summary>
    public int FreeGpuSlots => Math.Max(0, Workers.Where(w => w.Device == DeviceClass.Cuda).Sum(w => w.Free) - JobsWaitingForGpus);

    /// <summary>The monitoring API blocks; call it off a request's thread where that matters.</summary>
    public static FleetSnapshot Read(JobStorage storage, DateTimeOffset now)
    {
        var monitoring = storage.GetMonitoringApi();
        var since = now.UtcDateTime - HeartbeatWindow;
        var servers = monitoring.Servers()
            .Where(s => s.Heartbeat is { } beat && beat >= since)
            .Select(s => (s.Name, Device: TrainingQueues.ClassOf(s.Queues ?? []), s.WorkersCount))
            .Where(s => s.Device is not null)
            .ToList();
        if (servers.Count == 0) return Empty;
        var busy = monitoring.ProcessingJobs(0, 10_000)
            .GroupBy(p => p.Value.ServerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key ?? "", g => g.Count(), StringComparer.Ordinal);
        var workers = servers
            .Select(s => new OnlineWorker(s.Name, s.Device!.Value, s.WorkersCount, busy.GetValueOrDefault(s.Name)))
            .ToList();
        var waitingForGpus = workers.Any(w => w.Device == DeviceClass.Cuda)
            ? TrainingQueues.ListenedBy(DeviceClass.Cuda).Sum(q => monitoring.EnqueuedCount(q))
            : 0;
        return new FleetSnapshot(workers, (int)Math.Min(int.MaxValue, waitingForGpus));
    }
}
