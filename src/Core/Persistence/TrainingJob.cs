using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>A submitted job as stored: its spec, where it is in its life, who runs it, and its result.</summary>
public sealed class TrainingJob
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The user who submitted the job; null only for jobs from before users existed, which admins alone see.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>The key it was submitted with, for the per-key limit on queued jobs.</summary>
    public Guid? ApiKeyId { get; set; }

    public JobStatus Status { get; set; }
    public required TrainingJobSpec Spec { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Refreshed by the running worker; a heartbeat older than the lease marks the run lost, and it is resumed.</summary>
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

    /// <summary>What a user asked a running job to do at its next batch boundary; cleared when the run stops.</summary>
    public StopRequest? StopRequest { get; set; }

    /// <summary>Why the job is in its state, in words a user can act on ("worker lost, resuming", "paused by the user").</summary>
    public string? StatusReason { get; set; }

    /// <summary>Automatic restarts after crashes and lost workers so far; past the spec's <c>maxRestarts</c> the job fails.</summary>
    public int Restarts { get; set; }

    /// <summary>What the job was resolved to at submission and start; later runs, predictions and exports read only this.</summary>
    public Jobs.JobResolution? Resolution { get; set; }

    /// <summary>Why the pending <see cref="StopRequest"/> was made, when not by the user ("stopped by ASHA at rung 1").</summary>
    public string? StopReason { get; set; }

    /// <summary>The sweep this job is a trial of, and its trial number there (1, 2, ...); null for a job submitted on its own.</summary>
    public Guid? SweepId { get; set; }

    public int? TrialNumber { get; set; }

    /// <summary>The user's labels, each at most <see cref="JobLabels.MaxTagLength"/> characters; editable at any time.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The user's free-text note, at most <see cref="JobLabels.MaxNoteLength"/> characters.</summary>
    public string? Note { get; set; }

    /// <summary>The spec's model name, kept by PostgreSQL (a stored generated column) so the list can filter and sort on it.</summary>
    public string ModelName { get; private set; } = "";

    /// <summary>The spec's dataset name, derived like <see cref="ModelName"/>.</summary>
    public string DatasetName { get; private set; } = "";
}
