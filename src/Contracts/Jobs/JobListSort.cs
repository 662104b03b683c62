namespace TrainingService.Contracts.Jobs;

/// <summary>The columns <c>GET /api/jobs</c> sorts by (<c>sort</c>) and the two orders (<c>order</c>); ties fall to the newest first.</summary>
public static class JobListSort
{
    /// <summary>The default: running jobs first, then paused, queued, and finished ones, each newest first.</summary>
    public const string Active = "active";

    public const string Name = "name";
    public const string Status = "status";
    public const string Model = "model";
    public const string Dataset = "dataset";
    public const string Owner = "owner";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string FinishedAt = "finishedAt";
    public const string Progress = "progress";
    public const string TestAccuracy = "testAccuracy";

    public const string Ascending = "asc";
    public const string Descending = "desc";

    public static IReadOnlyList<string> All { get; } =
        [Active, Name, Status, Model, Dataset, Owner, CreatedAt, UpdatedAt, FinishedAt, Progress, TestAccuracy];
}
