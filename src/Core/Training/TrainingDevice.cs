using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>Resolves a device preference against what this process's libtorch can use.</summary>
public static class TrainingDevice
{
    public static Device Resolve(string preference) => preference.ToLowerInvariant() switch
    {
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InvalidOperationException("The job asks for CUDA but this worker's libtorch sees no CUDA device."),
        var indexed when indexed.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(indexed.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index) =>
            cuda.is_available() && index < cuda.device_count()
                ? new Device(DeviceType.CUDA, index)
                : throw new InvalidOperationException($"The worker is set to {indexed} but its libtorch does not see that CUDA device."),
        _ => throw new ArgumentException($"Unknown device '{preference}'; use auto, cpu or cuda.", nameof(preference)),
    };

    /// <summary>
    /// The device a job runs on in this worker: <c>auto</c> takes the worker's device, <c>cpu</c> the CPU, and
    /// <c>cuda</c> the worker's GPU (the queues only hand cuda jobs to GPU workers, one device each).
    /// </summary>
    public static Device ForJob(string jobDevice, string workerDevice) => jobDevice.ToLowerInvariant() switch
    {
        "auto" => Resolve(workerDevice),
        "cuda" when Resolve(workerDevice) is { type: DeviceType.CUDA } own => own,
        var other => Resolve(other),
    };
}
