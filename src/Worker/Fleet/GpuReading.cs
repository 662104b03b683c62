namespace TrainingService.Worker.Fleet;

/// <summary>What NVML says about the worker's GPU; any part it could not read is null.</summary>
public sealed record GpuReading(string? Name, long? MemoryTotalBytes, long? MemoryUsedBytes)
{
    public static GpuReading None { get; } = new(null, null, null);
}
