namespace TrainingService.Core.Persistence;

/// <summary>A user's request to a running job, honoured at the next batch boundary after a training checkpoint.</summary>
public enum StopRequest
{
    Cancel,
    Pause,
}
