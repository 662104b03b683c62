using Microsoft.Extensions.Options;
using TrainingService.Core.Torch;
using TrainingService.Core.Training;
using TrainingService.Worker.Fleet;
using static TorchSharp.torch;

namespace TrainingService.Worker.Extensions;

/// <summary>Process-wide libtorch settings, applied once at start-up (they are global to the process).</summary>
public static class LibTorchSetup
{
    /// <summary>
    /// TF32 on Ampere and newer. Where NVML cannot name the capability it is still allowed: libtorch only uses TF32 on
    /// devices that have it, so the flag costs an older device nothing.
    /// </summary>
    public static bool UsesTensorFloat32(ComputeCapability? capability) => capability?.HasTensorFloat32 ?? true;

    public static void ConfigureLibTorch(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TrainingOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(LibTorchSetup));
        if (options.CpuThreads > 0)
        {
            set_num_threads(options.CpuThreads);
        }
        OneDnn.SetEnabled(options.UseOneDnn);
        var tf32 = false;
        if (cuda.is_available())
        {
            var capability = Nvml.TryOpen(Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES"))?.ReadComputeCapability();
            tf32 = UsesTensorFloat32(capability);
            backends.cuda.matmul.allow_tf32 = tf32;
            backends.cudnn.allow_tf32 = tf32;
            logger.LogInformation("CUDA device compute capability {Capability}: TF32 for matmul and cuDNN {Tf32}", capability?.ToString() ?? "unknown", tf32);
        }
        logger.LogInformation("libtorch ready: device preference {Device}, CUDA available {Cuda}, {Threads} CPU threads, oneDNN for CPU convolutions {OneDnn}, allocator {Allocator}",
            options.Device, cuda.is_available(), get_num_threads(), OneDnn.IsEnabled, NativeAllocator.Describe());
    }
}
