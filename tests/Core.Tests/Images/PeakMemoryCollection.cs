namespace TrainingService.Core.Tests.Images;

/// <summary>Tests that measure the process's peak memory run alone, so no other test's allocations land in their measurement.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PeakMemoryCollection
{
    public const string Name = "Peak memory";

    /// <summary>VmHWM of /proc/self/status: the most resident memory this process has held so far.</summary>
    public static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
