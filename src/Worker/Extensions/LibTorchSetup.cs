using Microsoft.Extensions.Options;
using TrainingService.Core.Torch;
using TrainingService.Core.Training;
using static TorchSharp.torch;

namespace TrainingService.Worker.Extensions;

/// <summary>Process-wide libtorch settings, applied once at start-up (they are global to the process).</summary>
public static class LibTorchSetup
{
    public static void ConfigureLibTorch(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TrainingOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(LibTorchSetup));
        if (options.CpuThreads > 0)
        {
            set_num_threads(options.CpuThreads);
        }
        OneDnn.SetEnabled(options.UseOneDnn);
        if (cuda.is_available())
        {
            backends.cuda.matmul.allow_tf32 = true;
            backends.cudnn.allow_tf32 = true;
        }
        logger.LogInformation("libtorch ready: device preference {Device}, CUDA available {Cuda}, {Threads} CPU threads, oneDNN for CPU convolutions {OneDnn}",
            options.Device, cuda.is_available(), get_num_threads(), OneDnn.IsEnabled);
    }
}
