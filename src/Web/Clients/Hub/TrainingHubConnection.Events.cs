using Microsoft.AspNetCore.SignalR.Client;

namespace TrainingService.Web.Clients.Hub;

public sealed partial class TrainingHubConnection
{
    public event Func<JobStatusChangedEvent, Task>? JobStatusChanged;

    public event Func<EpochCompletedEvent, Task>? EpochCompleted;

    public event Func<BatchProgressEvent, Task>? BatchProgress;

    public event Func<CheckpointSavedEvent, Task>? CheckpointSaved;

    public event Func<WorkerChangedEvent, Task>? WorkerChanged;

    public event Func<Task>? Connected;

    public event Func<Task>? Disconnected;

    private void RegisterHandlers()
    {
        connection.On<JobStatusChangedEvent>(nameof(JobStatusChanged), e => RaiseAsync(JobStatusChanged, e, nameof(JobStatusChanged)));
        connection.On<EpochCompletedEvent>(nameof(EpochCompleted), e => RaiseAsync(EpochCompleted, e, nameof(EpochCompleted)));
        connection.On<BatchProgressEvent>(nameof(BatchProgress), e => RaiseAsync(BatchProgress, e, nameof(BatchProgress)));
        connection.On<CheckpointSavedEvent>(nameof(CheckpointSaved), e => RaiseAsync(CheckpointSaved, e, nameof(CheckpointSaved)));
        connection.On<WorkerChangedEvent>(nameof(WorkerChanged), e => RaiseAsync(WorkerChanged, e, nameof(WorkerChanged)));
        // The Api re-established its database listener and may have missed events: refetch as after a reconnect.
        connection.On("StreamResumed", () => RaiseAsync(Connected, nameof(Connected)));

        connection.Reconnecting += error =>
        {
            HubLog.Reconnecting(logger, error);
            return RaiseAsync(Disconnected, nameof(Disconnected));
        };
        connection.Reconnected += _ =>
        {
            HubLog.Reconnected(logger);
            return OnConnectedAsync();
        };
        connection.Closed += async _ =>
        {
            if (lifetime.IsCancellationRequested)
            {
                return;
            }

            await RaiseAsync(Disconnected, nameof(Disconnected));
            EnsureStarted();
        };
    }

    private Task RaiseAsync<T>(Func<T, Task>? handlers, T payload, string name) =>
        InvokeEachAsync(handlers, handler => ((Func<T, Task>)handler)(payload), name);

    private Task RaiseAsync(Func<Task>? handlers, string name) =>
        InvokeEachAsync(handlers, handler => ((Func<Task>)handler)(), name);

    // Each subscriber is awaited and isolated: one faulty component must neither starve the
    // others nor fault the hub connection's receive loop.
    private async Task InvokeEachAsync(Delegate? handlers, Func<Delegate, Task> invoke, string name)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                await invoke(handler);
            }
            catch (Exception ex)
            {
                HubLog.SubscriberFailed(logger, ex, name);
            }
        }
    }
}
