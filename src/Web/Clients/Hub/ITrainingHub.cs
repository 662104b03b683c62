namespace TrainingService.Web.Clients.Hub;

/// <summary>
/// Live training events for one Blazor circuit. Group memberships survive reconnects:
/// the implementation re-joins them and then raises <see cref="Connected"/>, which is the
/// subscriber's cue to re-read history over REST.
/// </summary>
public interface ITrainingHub
{
    event Func<JobStatusChangedEvent, Task>? JobStatusChanged;

    event Func<EpochCompletedEvent, Task>? EpochCompleted;

    event Func<BatchProgressEvent, Task>? BatchProgress;

    event Func<CheckpointSavedEvent, Task>? CheckpointSaved;

    /// <summary>Every worker heartbeat and departure; sent to every connection, no group to join.</summary>
    event Func<WorkerChangedEvent, Task>? WorkerChanged;

    /// <summary>Raised after the first connect and after every reconnect, once groups are re-joined.</summary>
    event Func<Task>? Connected;

    /// <summary>Raised when the connection drops; events may be missed until <see cref="Connected"/>.</summary>
    event Func<Task>? Disconnected;

    bool IsConnected { get; }

    Task JoinJobAsync(Guid jobId);

    Task LeaveJobAsync(Guid jobId);

    Task JoinAllJobsAsync();

    Task LeaveAllJobsAsync();

    /// <summary>Connects without joining a group, for pages that only want the events sent to everyone (<see cref="WorkerChanged"/>).</summary>
    void Connect();
}
