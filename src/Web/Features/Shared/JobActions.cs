using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// Which controls a job offers, mirroring what the Api accepts, so a button is never offered only to be refused.
/// A running job that was asked to stop keeps running until its next batch boundary; until then only the
/// requests that change the outcome are offered.
/// </summary>
public static class JobActions
{
    public static bool CanCancel(this JobDto job) =>
        job.Status is JobStatus.Queued or JobStatus.Running or JobStatus.Paused
        && job.StopRequest != JobStopRequest.Cancel;

    public static bool CanPause(this JobDto job) =>
        job.Status is JobStatus.Queued or JobStatus.Running && job.StopRequest is null;

    /// <summary>Only a finished job may go: a running one would keep writing files the delete removes.</summary>
    public static bool CanDelete(this JobDto job) => job.Status.IsTerminal();

    /// <summary>A paused job is queued again; a pause that has not taken effect yet is withdrawn.</summary>
    public static bool CanResume(this JobDto job) =>
        job.Status == JobStatus.Paused
        || (job.Status == JobStatus.Running && job.StopRequest == JobStopRequest.Pause);
}
