namespace TrainingService.Core.Queueing;

/// <summary>
/// Why a queued job is not running although it was dispatched: no online worker can run it. It waits (it never
/// fails for this) and runs once such a worker starts; the reason is cleared as soon as one is online.
/// </summary>
public static class WaitingReasons
{
    public const string NoCudaWorker = "no CUDA worker online; the job waits until one starts";
    public const string NoCpuWorker = "no CPU worker online; the job waits until one starts";
    public const string NoWorker = "no worker online; the job waits until one starts";

    public static string For(QueueTarget target) => target switch
    {
        QueueTarget.Cuda => NoCudaWorker,
        QueueTarget.Cpu => NoCpuWorker,
        _ => NoWorker,
    };

    public static IReadOnlyList<string> All { get; } = [NoCudaWorker, NoCpuWorker, NoWorker];

    public static bool IsWaitingReason(string? reason) => reason is NoCudaWorker or NoCpuWorker or NoWorker;

    /// <summary>The job's reason once it no longer waits for a worker: a waiting reason is dropped, any other kept.</summary>
    public static string? Cleared(string? reason) => IsWaitingReason(reason) ? null : reason;
}
