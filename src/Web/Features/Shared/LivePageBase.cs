using Microsoft.AspNetCore.Components;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// Base for pages fed by REST plus live hub events. It owns the error state, retries while the
/// Api is unreachable, and re-reads everything after a hub (re)connect, when events may have been missed.
/// </summary>
public abstract partial class LivePageBase : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource closed = new();

    [Inject]
    protected ITrainingHub Hub { get; set; } = default!;

    protected string? ApiError { get; private set; }

    /// <summary>The Api refused the session's key (401): only signing in again helps, so nothing retries.</summary>
    protected bool KeyRejected { get; private set; }

    /// <summary>Reads the page's data; a <see cref="TrainingApiException"/> becomes the error banner.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    protected Task RefreshAsync() => RunApiAsync(LoadAsync);

    protected async Task RunApiAsync(Func<CancellationToken, Task> call)
    {
        try
        {
            await call(closed.Token);
            ApiError = null;
            KeyRejected = false;
        }
        catch (ApiKeyRejectedException ex)
        {
            ApiError = ex.Message;
            KeyRejected = true;
        }
        catch (TrainingApiException ex)
        {
            ApiError = ex.Message;
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            // The page was closed mid-call; nobody is left to show the result to.
        }
    }

    /// <summary>Hub events arrive on SignalR threads; state changes must run on the circuit's dispatcher.</summary>
    protected Task OnUiThreadAsync(Func<Task> work) =>
        closed.IsCancellationRequested
            ? Task.CompletedTask
            : InvokeAsync(async () =>
            {
                await work();
                StateHasChanged();
            });

    /// <summary>
    /// Starts an Api read that a hub event asked for without holding up the hub. The hub client runs its handlers one
    /// at a time, so a read awaited there delays every later event, the next epoch's row among them, by its round trip;
    /// under load those waits queued up to a second. Runs on the circuit's dispatcher and renders when it ends.
    /// </summary>
    protected void ReadBehindHub(Func<CancellationToken, Task> call)
    {
        if (closed.IsCancellationRequested)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                await RunApiAsync(call);
                StateHasChanged();
            }
            catch (Exception ex)
            {
                // Nobody awaits this read; the circuit reports what escaped it as it reports a handler's failure.
                await DispatchExceptionAsync(ex);
            }
        });
    }

    protected Task OnUiThreadAsync(Action work) => OnUiThreadAsync(() =>
    {
        work();
        return Task.CompletedTask;
    });

    /// <summary>Lets a page unsubscribe its own events and leave its hub groups.</summary>
    protected virtual ValueTask OnClosingAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await closed.CancelAsync();
        if (watching)
        {
            Hub.Connected -= OnHubConnectedAsync;
        }

        // The token source is not disposed: a hub callback racing the close may still read it,
        // and an unlinked source without timers holds nothing that needs releasing.
        await OnClosingAsync();
        GC.SuppressFinalize(this);
    }
}
