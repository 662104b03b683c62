namespace TrainingService.Web.Clients.Api;

/// <summary>What a running job has been asked to do at its next batch boundary (serialised as a string).</summary>
public enum JobStopRequest
{
    Cancel,
    Pause,
}
