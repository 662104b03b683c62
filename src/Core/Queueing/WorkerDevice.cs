using System.Globalization;

namespace TrainingService.Core.Queueing;

/// <summary>
/// What one worker process trains on, resolved once at start-up from <c>TrainingOptions:Device</c>
/// (<c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>) and the CUDA devices libtorch sees. A GPU worker owns
/// one device (one process per GPU: libtorch's caching allocator keeps a device's memory until the process exits).
/// </summary>
public sealed record WorkerDevice(DeviceClass Class, int Index)
{
    public static WorkerDevice Cpu { get; } = new(DeviceClass.Cpu, 0);

    /// <summary>libtorch's name for the device: <c>cpu</c> or <c>cuda:N</c>.</summary>
    public string TorchName => Class == DeviceClass.Cuda ? $"cuda:{Index.ToString(CultureInfo.InvariantCulture)}" : "cpu";

    /// <summary>The queues this worker listens on, highest priority first.</summary>
    public string[] Queues => TrainingQueues.ListenedBy(Class);

    public static WorkerDevice Resolve(string? configured, int cudaDevices)
    {
        var value = (configured ?? "auto").Trim().ToLowerInvariant();
        if (value == "auto") return cudaDevices > 0 ? new WorkerDevice(DeviceClass.Cuda, 0) : Cpu;
        if (value == "cpu") return Cpu;
        var index = 0;
        if (value != "cuda")
        {
            if (!value.StartsWith("cuda:", StringComparison.Ordinal)
                || !int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index))
            {
                throw new ArgumentException($"TrainingOptions:Device '{configured}' is not a device; use auto, cpu, cuda or cuda:N.", nameof(configured));
            }
        }
        if (cudaDevices == 0)
        {
            throw new InvalidOperationException($"TrainingOptions:Device is '{configured}' but this worker's libtorch sees no CUDA device.");
        }
        if (index >= cudaDevices)
        {
            throw new InvalidOperationException(
                $"TrainingOptions:Device is '{configured}' but this worker's libtorch sees {cudaDevices} CUDA device(s), numbered from 0.");
        }
        return new WorkerDevice(DeviceClass.Cuda, index);
    }
}
