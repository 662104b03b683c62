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
