using System.Collections;
using System.Runtime.InteropServices;

namespace TrainingService.Core.Torch;

/// <summary>
/// glibc's malloc settings for a training process. libtorch's CPU allocator is plain <c>malloc</c>, and by default glibc
/// serves every block over 32 MiB with a fresh <c>mmap</c> and unmaps it on free, and each thread-pool thread allocates
/// from an arena of its own that can hold nothing over 64 MiB. So the gradients and temporaries of a large layer
/// (VGG's 25,088 x 4,096 classifier weight: 411 MB) are mapped, page-faulted in 4 KiB at a time and unmapped again in
/// every batch: VGG-11-BN trained at 0.91x PyTorch with the defaults and 1.36x with these settings, side by side
/// (docs/benchmarks.md). One arena, no mmap below 4 GiB and no trimming keep freed blocks for the next batch, the
/// reuse a caching allocator gives. glibc reads them only when the process starts, so a process that lacks them
/// replaces itself (<c>execve</c>, same pid, arguments and environment) with one that has them.
/// </summary>
public static partial class NativeAllocator
{
    /// <summary>The settings, as glibc's environment variables; a variable already set keeps the caller's value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings { get; } =
    [
        new("MALLOC_ARENA_MAX", "1"),
        new("MALLOC_MMAP_THRESHOLD_", "4294967296"),
        new("MALLOC_TRIM_THRESHOLD_", "17179869184"),
    ];

    /// <summary>The settings <paramref name="environment"/> lacks: empty when each variable is set, to any value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Missing(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Settings.Where(s => string.IsNullOrEmpty(environment(s.Key))).ToList();
    }

    /// <summary>The settings in effect in this process, as <c>NAME=value</c>, for the start-up log.</summary>
    public static string Describe() =>
        string.Join(' ', Settings.Select(s => $"{s.Key}={Environment.GetEnvironmentVariable(s.Key) ?? "(unset)"}"));

    /// <summary>
    /// Call first thing in <c>Main</c>. Returns at once where nothing is missing, where this is not Linux with glibc
    /// (other allocators ignore the variables), or where the exec fails (the process then runs on the defaults and says
    /// so on stderr). Otherwise it does not return: the process image is replaced and starts again from <c>Main</c>.
    /// </summary>
    public static void EnsureApplied()
    {
        var missing = Missing(Environment.GetEnvironmentVariable);
        if (missing.Count == 0 || !OperatingSystem.IsLinux() || !IsGlibc())
        {
            return;
        }
        var arguments = File.ReadAllText("/proc/self/cmdline").Split('\0');
        // cmdline ends with a NUL, which leaves one empty entry after the last argument.
        var argv = arguments[..^1];
        var current = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, (string?)e.Value ?? ""));
        var argvPointers = ToNullTerminated(argv);
        var environmentPointers = ToNullTerminated(WithSettings(current, missing));
        try
        {
            Execve("/proc/self/exe", argvPointers, environmentPointers);
            Console.Error.WriteLine(
                $"Could not restart with the allocator settings {string.Join(' ', missing.Select(s => $"{s.Key}={s.Value}"))} (errno {Marshal.GetLastPInvokeError()}); running on glibc's defaults.");
        }
        finally
        {
            foreach (var pointer in argvPointers.Concat(environmentPointers).Where(p => p != IntPtr.Zero))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>
    /// The environment for the new process image, as <c>NAME=value</c>: <paramref name="current"/> with each missing
    /// setting in place of any empty variable of its name. glibc's <c>getenv</c> reads the first of two entries, so a
    /// kept empty one would leave the setting missing and the process would re-execute itself again and again.
    /// </summary>
    public static IReadOnlyList<string> WithSettings(IEnumerable<KeyValuePair<string, string>> current, IReadOnlyList<KeyValuePair<string, string>> missing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(missing);
        var replaced = missing.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return current.Where(e => !replaced.Contains(e.Key)).Concat(missing).Select(e => $"{e.Key}={e.Value}").ToList();
    }

    private static bool IsGlibc()
    {
        try
        {
            return GnuGetLibcVersion() != IntPtr.Zero;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static IntPtr[] ToNullTerminated(IReadOnlyList<string> values)
    {
        var pointers = new IntPtr[values.Count + 1];
        for (var i = 0; i < values.Count; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }
        return pointers;
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execve(string path, IntPtr[] argv, IntPtr[] environment);

    [LibraryImport("libc", EntryPoint = "gnu_get_libc_version")]
    private static partial IntPtr GnuGetLibcVersion();
}
