namespace TrainingService.Core.Queueing;

/// <summary>What a worker trains on; every worker of a class serves the same queues.</summary>
public enum DeviceClass
{
    Cpu,
    Cuda,
}
