using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>Entities to API resources.</summary>
internal static class ResourceMapping
{
    public static JobResource ToResource(this OwnedJob owned) => owned.Job.ToResource(owned.Owner);

    public static JobResource ToResource(this TrainingJob job, string? owner) => new(
        job.Id, job.Name, job.Status, job.Spec, job.CreatedAt, job.UpdatedAt, job.StartedAt, job.FinishedAt,
        job.CurrentEpoch, job.TotalEpochs, job.Attempt, job.WorkerName, job.Error, job.StoppedEarlyAfterEpoch,
        job is { TestLoss: { } loss, TestAccuracy: { } accuracy, BestEpoch: { } best } ? new JobResultResource(loss, accuracy, best) : null)
    {
        StatusReason = job.StatusReason,
        StopRequest = job.StopRequest?.ToString(),
        Restarts = job.Restarts,
        HangfireJobId = job.HangfireJobId,
        Owner = owner,
    };

    public static AttemptResource ToResource(this JobAttemptRecord a) =>
        new(a.Attempt, a.WorkerName, a.StartedAt, a.EndedAt, a.EndReason, a.StartEpoch, a.StartStep, a.Error);

    public static EpochMetricsResource ToResource(this EpochMetricsRecord m) => new(
        m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.LearningRate,
        m.EpochSeconds, m.ImagesPerSecond, m.RecordedAt, m.ValidationTop5Accuracy, m.PeakMemoryBytes);

    public static CheckpointResource ToResource(this CheckpointRecord c) => new(
        c.Name, c.Epoch, c.SizeBytes, c.Sha256, c.CreatedAt, $"/api/jobs/{c.JobId}/checkpoints/{c.Name}") { Step = c.Step };
}
