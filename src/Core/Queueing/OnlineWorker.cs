namespace TrainingService.Core.Queueing;

/// <summary>A Hangfire server with a recent heartbeat that listens on training queues, and how many of its workers are busy.</summary>
public sealed record OnlineWorker(string ServerId, DeviceClass Device, int WorkerCount, int Busy)
{
    public int Free => Math.Max(0, WorkerCount - Busy);
}
