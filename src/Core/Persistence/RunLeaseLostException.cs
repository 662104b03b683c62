namespace TrainingService.Core.Persistence;

/// <summary>Another worker took the job over (or it was cancelled): this run must stop writing.</summary>
public sealed class RunLeaseLostException(Guid jobId, Guid runId)
    : Exception($"Run {runId} no longer owns job {jobId}.");
