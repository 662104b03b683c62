using System.Globalization;

namespace TrainingService.Faults.Harness;

/// <summary>
/// How the processes under test are configured. The lease is short so a lost worker is noticed in
/// seconds (production keeps 30 s); the heartbeat must renew well inside it, or a slow machine would
/// flag live runs. CPU threads are fixed so that two runs of one spec compute the same bits.
/// </summary>
public sealed record FaultSettings
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int CpuThreads { get; init; } = 2;

    /// <summary>How long the tool waits before starting a process again, as ./run.sh's restart policy does first.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra environment of the Worker process only (e.g. <c>OMP_WAIT_POLICY</c>), to measure one setting at a time.</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder holding <c>mnist/</c>; synthetic data needs none.</summary>
    public required string DatasetRoot { get; init; }

    /// <summary>The environment both processes get, besides the connection string and folders.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["TrainingOptions__Device"] = "cpu",
        ["TrainingOptions__CpuThreads"] = CpuThreads.ToString(CultureInfo.InvariantCulture),
        ["RunLeaseOptions__Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
        ["RunLeaseOptions__HeartbeatInterval"] = HeartbeatInterval.ToString("c", CultureInfo.InvariantCulture),
        ["RunLeaseOptions__SweepInterval"] = SweepInterval.ToString("c", CultureInfo.InvariantCulture),
        ["StorageOptions__DatasetRoot"] = DatasetRoot,
        // The scenarios' timings are read against the processes' logs, so every line carries its time.
        ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        ["Logging__Console__UseUtcTimestamp"] = "true",
    };
}
