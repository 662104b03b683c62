namespace TrainingService.Core.Tests.Artifacts;

/// <summary>The process's peak resident set (<c>VmHWM</c>), which Linux resets when "5" is written to <c>clear_refs</c>.</summary>
internal static class PeakMemory
{
    /// <returns>The resident set now, the new peak's starting point.</returns>
    public static long Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Read("VmRSS:");
    }

    public static long ResidentPeakBytes() => Read("VmHWM:");

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
