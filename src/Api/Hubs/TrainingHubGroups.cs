namespace TrainingService.Api.Hubs;

/// <summary>SignalR group names.</summary>
public static class TrainingHubGroups
{
    public const string AllJobs = "jobs:all";

    public static string Job(Guid jobId) => $"job:{jobId:N}";
}
