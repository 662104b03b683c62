namespace TrainingService.Worker;

/// <summary>Settings of this worker process, bound from configuration.</summary>
public sealed class WorkerOptions
{
    /// <summary>Shown as the job's worker and as the Hangfire server name.</summary>
    public string Name { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public int ConcurrentJobs { get; set; } = 1;

    /// <summary>Time a stopping worker gives a running job to hand its run back.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
