using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TrainingService.Benchmarks;

/// <summary>What a reader needs to compare figures across machines: cores, libtorch threads, OS, runtime, load.</summary>
internal static class MachineFacts
{
    public static IEnumerable<string> Describe()
    {
        yield return $"cpu: {CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical cores visible";
        yield return $"libtorch threads: {get_num_threads()} intra-op, {get_num_interop_threads()} inter-op; TorchSharp {typeof(Tensor).Assembly.GetName().Version}, CPU";
        yield return $"os: {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>
    /// The 1/5/15-minute load averages (Linux only). Printed before and after the timed runs: with
    /// other work on the machine the medians are only comparable to runs under a similar load.
    /// </summary>
    public static string? LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : null;
    }

    private static string? CpuModel()
    {
        const string path = "/proc/cpuinfo";
        return File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
    }
}
