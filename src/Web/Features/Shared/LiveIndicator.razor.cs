using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// Says whether the page is really live: green only while the hub is connected and the Api's readiness is Healthy.
/// A connected hub alone proves nothing about the database or the workers, so readiness is polled while the page is open
/// and at once after every hub (re)connect.
/// </summary>
public sealed partial class LiveIndicator
{
    private readonly CancellationTokenSource closed = new();
    private HealthReportDto? readiness;
    private string? readinessError;
    private bool polling;
    private bool watching;
    private bool hubEverConnected;
    private LiveStatus status = LiveStatus.Connecting;

    [Inject]
    private ITrainingHub Hub { get; set; } = default!;

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private IOptions<ApiOptions> Options { get; set; } = default!;

    protected override void OnInitialized()
    {
        // Prerendered HTML is never updated, so it must not claim anything; the interactive render polls.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        watching = true;
        Hub.Connected += OnHubConnectedAsync;
        Hub.Disconnected += OnHubDisconnectedAsync;
        _ = PollWhileOpenAsync();
    }

    protected override void OnParametersSet() => status = CurrentStatus();

    public async ValueTask DisposeAsync()
    {
        await closed.CancelAsync();
        if (watching)
        {
            Hub.Connected -= OnHubConnectedAsync;
            Hub.Disconnected -= OnHubDisconnectedAsync;
        }

        // Not disposed: a poll racing the close may still read the token.
        GC.SuppressFinalize(this);
    }

    private LiveStatus CurrentStatus()
    {
        hubEverConnected |= Hub.IsConnected;
        return LiveStatus.From(Hub.IsConnected, readiness, readinessError, hubEverConnected);
    }

    private async Task PollWhileOpenAsync()
    {
        using var timer = new PeriodicTimer(Options.Value.ReadinessPollInterval);
        try
        {
            do
            {
                await InvokeAsync(PollAsync);
            }
            while (await timer.WaitForNextTickAsync(closed.Token));
        }
        catch (OperationCanceledException)
        {
            // Page closed.
        }
    }

    private Task OnHubConnectedAsync()
    {
        hubEverConnected = true;
        return closed.IsCancellationRequested ? Task.CompletedTask : InvokeAsync(PollAsync);
    }

    private Task OnHubDisconnectedAsync() => closed.IsCancellationRequested ? Task.CompletedTask : InvokeAsync(Show);

    // Runs on the circuit's dispatcher; a slow Api must not pile up polls, so one still in flight absorbs the next.
    private async Task PollAsync()
    {
        if (polling || closed.IsCancellationRequested)
        {
            return;
        }

        polling = true;
        try
        {
            readiness = await Api.GetReadinessAsync(closed.Token);
            readinessError = null;
        }
        catch (TrainingApiException ex)
        {
            readiness = null;
            readinessError = ex.Message;
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            polling = false;
        }

        Show();
    }

    private void Show()
    {
        if (closed.IsCancellationRequested)
        {
            return;
        }

        status = CurrentStatus();
        StateHasChanged();
    }
}
