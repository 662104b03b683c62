using Microsoft.AspNetCore.Components;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.Workers;

/// <summary>
/// The fleet, live: read over REST, then each heartbeat's <c>WorkerChanged</c> replaces its row (or removes
/// it when the worker left). A one-second tick keeps "3 s ago" honest and shows a silent worker as lost
/// once its heartbeat passes the lease the Api gave (<see cref="WorkerDto.LostAfter"/>).
/// </summary>
public sealed partial class WorkersPage
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource ticking = new();
    private SortedDictionary<string, WorkerDto>? workers;

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            Hub.WorkerChanged += OnWorkerChangedAsync;
            WatchHubAndRetry();
            // WorkerChanged goes to every connection, so this page joins no group; the circuit's hub must still connect.
            Hub.Connect();
            _ = TickAsync();
        }

        return RefreshAsync();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var listed = await Api.GetWorkersAsync(cancellationToken);
        workers = new SortedDictionary<string, WorkerDto>(listed.ToDictionary(w => w.Name), StringComparer.Ordinal);
    }

    protected override async ValueTask OnClosingAsync()
    {
        Hub.WorkerChanged -= OnWorkerChangedAsync;
        await ticking.CancelAsync();
    }

    private Task OnWorkerChangedAsync(WorkerChangedEvent change) => OnUiThreadAsync(() =>
    {
        // Before the first read the event is dropped: the read that follows includes it.
        if (workers is null)
        {
            return;
        }

        if (change.Worker is { } worker)
        {
            workers[change.Name] = worker;
        }
        else
        {
            workers.Remove(change.Name);
        }
    });

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(Tick, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ticking.Token))
            {
                await OnUiThreadAsync(() => { });
            }
        }
        catch (OperationCanceledException)
        {
            // Page closed.
        }
    }

    private static string Device(WorkerDto worker)
    {
        var name = worker.DeviceName ?? worker.DeviceKind;
        var memory = worker.GpuMemoryTotalBytes is { } total
            ? $" · {Gib(worker.GpuMemoryUsedBytes)} / {Gib(total)} GiB"
            : "";
        return worker.DeviceKind == "cuda" ? $"CUDA · {name}{memory}" : $"CPU · {name} · {worker.CpuThreads} threads";
    }

    private static string Gib(long? bytes) => Display.Decimal(bytes / (1024.0 * 1024 * 1024), "0.0");
}
