using Microsoft.AspNetCore.Components;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// A sweep, live. Trials are ordinary jobs, so their hub events (status changes and epochs) say when something
/// changed; each one re-reads the sweep, its trials and its rungs, at most once per <see cref="RefreshSpacing"/>,
/// because a sweep of many trials sends several events a second and each re-read is four requests. What no hub event
/// announces (the supervisor creating the next trial, the sweep itself ending) is caught by a slow poll while the
/// sweep runs.
/// </summary>
public sealed partial class SweepDetailsPage
{
    public static readonly TimeSpan RefreshSpacing = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly SweepModel model = new();
    private readonly CancellationTokenSource closing = new();
    private int refreshQueued;
    private bool confirmingCancel;
    private bool busy;
    private string? refusal;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private string Metric => model.Sweep?.Definition.Metric ?? SweepMetrics.Default;

    private IReadOnlyList<string> Paths => [.. model.Sweep?.Definition.Parameters?.Keys ?? []];

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        Hub.JobStatusChanged += OnJobStatusChangedAsync;
        Hub.EpochCompleted += OnEpochCompletedAsync;
        WatchHubAndRetry();
        // Every job the user may see: the trials a sweep creates later are not known by id until it creates them.
        await Hub.JoinAllJobsAsync();
        _ = PollWhileRunningAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (model.SweepId == Id)
        {
            return;
        }

        model.Reset(Id);
        await RefreshAsync();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = model.SweepId;
        var sweep = Api.GetSweepAsync(id, cancellationToken);
        var trials = Api.GetSweepTrialsAsync(id, cancellationToken);
        var rungs = Api.GetSweepRungsAsync(id, cancellationToken);
        await Task.WhenAll(sweep, trials, rungs);
        var best = (await sweep)?.Best is { } b ? await Api.GetMetricsAsync(b.JobId, cancellationToken) : [];
        model.Load(await sweep, await trials, await rungs, best);
    }

    protected override async ValueTask OnClosingAsync()
    {
        await closing.CancelAsync();
        Hub.JobStatusChanged -= OnJobStatusChangedAsync;
        Hub.EpochCompleted -= OnEpochCompletedAsync;
        if (RendererInfo.IsInteractive)
        {
            await Hub.LeaveAllJobsAsync();
        }
    }

    // A job this page does not know that has just been queued may be the sweep's next trial.
    private Task OnJobStatusChangedAsync(JobStatusChangedEvent change) =>
        model.IsTrial(change.JobId) || (model.IsRunning && change.Status == JobStatus.Queued) ? QueueRefresh() : Task.CompletedTask;

    private Task OnEpochCompletedAsync(EpochCompletedEvent epoch) =>
        model.IsTrial(epoch.JobId) ? QueueRefresh() : Task.CompletedTask;

    private Task QueueRefresh()
    {
        if (Interlocked.Exchange(ref refreshQueued, 1) == 0)
        {
            _ = RefreshSoonAsync();
        }

        return Task.CompletedTask;
    }

    private async Task RefreshSoonAsync()
    {
        try
        {
            await Task.Delay(RefreshSpacing, Clock, closing.Token);
            // Cleared before the read: an event during it is news the read may have missed.
            Interlocked.Exchange(ref refreshQueued, 0);
            await OnUiThreadAsync(RefreshAsync);
        }
        catch (OperationCanceledException)
        {
            // Page closed.
        }
    }

    private async Task PollWhileRunningAsync()
    {
        using var timer = new PeriodicTimer(PollInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token))
            {
                if (model.IsRunning && ApiError is null)
                {
                    await OnUiThreadAsync(RefreshAsync);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Page closed.
        }
    }

    private async Task CancelAsync()
    {
        busy = true;
        refusal = null;
        try
        {
            model.Update(await Api.CancelSweepAsync(model.SweepId));
            confirmingCancel = false;
            await RefreshAsync();
        }
        catch (TrainingApiException ex)
        {
            refusal = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }
}
