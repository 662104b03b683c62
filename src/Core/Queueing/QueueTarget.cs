namespace TrainingService.Core.Queueing;

/// <summary>Who may fetch a queue's jobs: only CPU workers, only CUDA workers, or any worker (<c>device: "auto"</c>).</summary>
public enum QueueTarget
{
    Cpu,
    Cuda,
    Auto,
}
