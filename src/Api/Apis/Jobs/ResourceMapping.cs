using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>Entities to API resources.</summary>
internal static class ResourceMapping
{
    public static JobResource ToResource(this OwnedJob owned) => owned.Job.ToResource(owned.Owner, owned.CheckpointBytes);

    /// <summary>A job row as the Api shows it; <paramref name="checkpointBytes"/> is what its checkpoint rows add up to, read with it (<see cref="OwnedJob"/>).</summary>
    public static JobResource ToResource(this TrainingJob job, string? owner, long checkpointBytes) => new(
        job.Id, job.Name, job.Status, job.Spec, job.CreatedAt, job.UpdatedAt, job.StartedAt, job.FinishedAt,
        job.CurrentEpoch, job.TotalEpochs, job.Attempt, job.WorkerName, job.Error, job.StoppedEarlyAfterEpoch,
        job is { TestLoss: { } loss, TestAccuracy: { } accuracy, BestEpoch: { } best } ? new JobResultResource(loss, accuracy, best) : null)
    {
        StatusReason = job.StatusReason,
        StopRequest = job.StopRequest?.ToString(),
        Restarts = job.Restarts,
        HangfireJobId = job.HangfireJobId,
        Owner = owner,
        Tags = job.Tags,
        Note = job.Note,
        SweepId = job.SweepId,
        TrialNumber = job.TrialNumber,
        CheckpointBytes = checkpointBytes,
    };

    public static AttemptResource ToResource(this JobAttemptRecord a) =>
        new(a.Attempt, a.WorkerName, a.StartedAt, a.EndedAt, a.EndReason, a.StartEpoch, a.StartStep, a.Error);

    public static EpochMetricsResource ToResource(this EpochMetricsRecord m) => new(
        m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.LearningRate,
        m.EpochSeconds, m.ImagesPerSecond, m.RecordedAt, m.ValidationTop5Accuracy, m.PeakMemoryBytes);

    public static CheckpointResource ToResource(this CheckpointRecord c) => new(
        c.Name, c.Epoch, c.SizeBytes, c.Sha256, c.CreatedAt, $"/api/jobs/{c.JobId}/checkpoints/{c.Name}") { Step = c.Step };
}
