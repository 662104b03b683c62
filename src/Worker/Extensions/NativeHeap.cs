using System.Runtime.InteropServices;

namespace TrainingService.Worker.Extensions;

/// <summary>
/// Caps glibc's malloc arenas for the process. glibc gives each new thread that allocates its own arena (up to 8 per
/// core) and keeps freed blocks in it. A run's synchronous stretches resume on whichever thread-pool thread an await
/// returns to, so over a long run libtorch's batch-sized blocks are freed into arena after arena and the resident
/// peak climbs epoch by epoch although no tensor leaks (docs/benchmarks.md, "The Worker against its trainer").
/// Like <c>MALLOC_ARENA_MAX</c>, but set by the process itself however it is started.
/// </summary>
public static class NativeHeap
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> (malloc.h).</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>True where the C library took the setting (glibc); false elsewhere, where it changes nothing.</summary>
    public static bool LimitArenas(int arenas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return mallopt(ArenaMaxParameter, arenas) == 1;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
