using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Shared;

/// <summary>How a job status looks and behaves in the dashboard.</summary>
public static class JobStatusStyle
{
    public static string BadgeClass(this JobStatus status) => status switch
    {
        JobStatus.Queued => "badge badge-queued",
        JobStatus.Running => "badge badge-running",
        JobStatus.Paused => "badge badge-paused",
        JobStatus.Succeeded => "badge badge-succeeded",
        JobStatus.Failed => "badge badge-failed",
        JobStatus.Cancelled => "badge badge-cancelled",
        _ => "badge",
    };

    /// <summary>A finished job gets no further epochs; its result and finish time come only with a fresh read.</summary>
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
