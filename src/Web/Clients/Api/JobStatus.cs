namespace TrainingService.Web.Clients.Api;

/// <summary>Lifecycle of a training job as the Api reports it (serialised as a string).</summary>
public enum JobStatus
{
    Queued,
    Running,
    Paused,
    Succeeded,
    Failed,
    Cancelled,
}
