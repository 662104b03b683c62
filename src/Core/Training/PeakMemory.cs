using System.Diagnostics;

namespace TrainingService.Core.Training;

/// <summary>The process's peak resident memory so far (VmHWM on Linux), which includes libtorch's CPU allocations.</summary>
public static class PeakMemory
{
    public static long ReadBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
