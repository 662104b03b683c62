using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>A submitted job as stored: its spec, where it is in its life, who runs it, and its result.</summary>
public sealed class TrainingJob
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public JobStatus Status { get; set; }
    public required TrainingJobSpec Spec { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Refreshed by the running worker; a stale heartbeat lets another worker take the run over.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>How many times a worker has started this job.</summary>
    public int Attempt { get; set; }

    /// <summary>Identifies the current run; every write of a run is conditional on it.</summary>
    public Guid? RunId { get; set; }

    public string? WorkerName { get; set; }
    public string? HangfireJobId { get; set; }
    public string? Error { get; set; }
    public int CurrentEpoch { get; set; }
    public int TotalEpochs { get; set; }
    public double? TestLoss { get; set; }
    public double? TestAccuracy { get; set; }
    public int? BestEpoch { get; set; }

    /// <summary>Per-class figures and the confusion matrix of the selected checkpoint on the test split.</summary>
    public Training.TestEvaluation? Evaluation { get; set; }

    public int? StoppedEarlyAfterEpoch { get; set; }
}
