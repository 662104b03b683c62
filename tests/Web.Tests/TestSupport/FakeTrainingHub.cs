using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>An in-memory hub: tests push events the way the SignalR connection would.</summary>
public sealed class FakeTrainingHub : ITrainingHub
{
    public event Func<JobStatusChangedEvent, Task>? JobStatusChanged;

    public event Func<EpochCompletedEvent, Task>? EpochCompleted;

    public event Func<BatchProgressEvent, Task>? BatchProgress;

    public event Func<CheckpointSavedEvent, Task>? CheckpointSaved;

    public event Func<WorkerChangedEvent, Task>? WorkerChanged;

    public event Func<Task>? Connected;

    public event Func<Task>? Disconnected;

    public bool IsConnected { get; set; } = true;

    public HashSet<Guid> JoinedJobs { get; } = [];

    public int AllJobsSubscribers { get; private set; }

    public Task JoinJobAsync(Guid jobId) => Done(JoinedJobs.Add(jobId));

    public Task LeaveJobAsync(Guid jobId) => Done(JoinedJobs.Remove(jobId));

    public Task JoinAllJobsAsync() => Done(++AllJobsSubscribers);

    public Task LeaveAllJobsAsync() => Done(--AllJobsSubscribers);

    /// <summary>How often a page asked to connect without joining a group.</summary>
    public int Connects { get; private set; }

    public void Connect() => Connects++;

    public Task RaiseAsync(JobStatusChangedEvent e) => JobStatusChanged?.Invoke(e) ?? Task.CompletedTask;

    public Task RaiseAsync(EpochCompletedEvent e) => EpochCompleted?.Invoke(e) ?? Task.CompletedTask;

    public Task RaiseAsync(BatchProgressEvent e) => BatchProgress?.Invoke(e) ?? Task.CompletedTask;

    public Task RaiseAsync(CheckpointSavedEvent e) => CheckpointSaved?.Invoke(e) ?? Task.CompletedTask;

    public Task RaiseAsync(WorkerChangedEvent e) => WorkerChanged?.Invoke(e) ?? Task.CompletedTask;

    public Task RaiseConnectedAsync() => Connected?.Invoke() ?? Task.CompletedTask;

    public Task RaiseDisconnectedAsync()
    {
        IsConnected = false;
        return Disconnected?.Invoke() ?? Task.CompletedTask;
    }

    private static Task Done<T>(T _) => Task.CompletedTask;
}
