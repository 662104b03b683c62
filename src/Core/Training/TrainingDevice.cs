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
        _ => throw new ArgumentException($"Unknown device '{preference}'; use auto, cpu or cuda.", nameof(preference)),
    };
}
