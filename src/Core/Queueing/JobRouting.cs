using TrainingService.Core.Jobs;

namespace TrainingService.Core.Queueing;

/// <summary>The queue a job is enqueued on, and why it will wait if no online worker serves that queue.</summary>
public sealed record RouteDecision(string Queue, QueueTarget Target, string? WaitingReason);

/// <summary>
/// Chooses a job's queue at dispatch. <c>cuda</c> jobs go to the CUDA queues and <c>cpu</c> jobs to the CPU queues,
/// which only workers of that class fetch. An <c>auto</c> job goes straight to a CUDA queue while a GPU worker is
/// idle with nothing waiting for it (so a free GPU wins over a free CPU); otherwise to the auto queue, which every
/// worker fetches, so whichever is free first takes it.
/// </summary>
public static class JobRouting
{
    public static RouteDecision Route(Hyperparameters hyperparameters, FleetSnapshot fleet, int freeGpuSlots)
    {
        var priority = TrainingQueues.ParsePriority(hyperparameters.Priority);
        var asked = TrainingQueues.ParseTarget(hyperparameters.Device);
        var target = asked == QueueTarget.Auto && freeGpuSlots > 0 ? QueueTarget.Cuda : asked;
        return new RouteDecision(TrainingQueues.For(priority, target), target,
            fleet.HasWorkerFor(target) ? null : WaitingReasons.For(target));
    }
}
