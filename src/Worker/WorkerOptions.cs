using System.ComponentModel.DataAnnotations;

namespace TrainingService.Worker;

/// <summary>Settings of this worker process, bound from configuration.</summary>
public sealed class WorkerOptions
{
    public const string ConcurrentJobsRefused =
        "WorkerOptions:ConcurrentJobs must be 1: libtorch's seed, random generator and thread pool are process-wide, "
        + "so two jobs training at once in one process would draw each other's random numbers and share threads, and neither "
        + "would repeat. Run one worker process per device (one per GPU) instead.";

    /// <summary>Shown as the job's worker and as the Hangfire server name.</summary>
    public string Name { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Jobs this process trains at once; only 1 is accepted (<see cref="ConcurrentJobsRefused"/>).</summary>
    [Range(1, 1, ErrorMessage = ConcurrentJobsRefused)]
    public int ConcurrentJobs { get; set; } = 1;

    /// <summary>Time a stopping worker gives a running job to hand its run back.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
