namespace TrainingService.Contracts.Storage;

/// <summary>
/// <c>GET /api/storage</c>: what the caller's jobs and uploads hold (an admin's: everyone's), where it is kept,
/// and the retention policy that prunes it.
/// </summary>
public sealed record StorageUsageResource(
    long CheckpointBytes,
    int CheckpointFiles,
    long DatasetBytes,
    int Datasets,
    string ArtifactStore,
    RetentionPolicyResource Retention);

/// <summary>
/// The retention settings in force: best and last checkpoints are always kept; the training checkpoint of a finished job
/// is deleted after <c>TrainingCheckpointDays</c>; past <c>MaxCheckpointBytes</c> the oldest finished jobs' files go first.
/// </summary>
public sealed record RetentionPolicyResource(bool Enabled, int? TrainingCheckpointDays, long? MaxCheckpointBytes, TimeSpan Interval, DateTimeOffset? LastRunAt, long? LastFreedBytes);
