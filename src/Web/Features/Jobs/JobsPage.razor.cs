using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;
using TrainingService.Web.Security;

namespace TrainingService.Web.Features.Jobs;

public sealed partial class JobsPage
{
    private const int PageSize = 20;
    private readonly JobListModel model = new();

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private ApiEndpoints Endpoints { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private bool ShowOwner { get; set; }

    // Text rather than int: a hand-edited ?page=abc must reach this page and be explained, not fail the binding.
    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    private PageRequest Requested => PageRequest.Parse(PageText, PageSize);

    protected override async Task OnInitializedAsync()
    {
        ShowOwner = Authentication is not null && SessionClaims.IsAdmin((await Authentication).User);
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        Hub.JobStatusChanged += OnJobStatusChangedAsync;
        Hub.EpochCompleted += OnEpochCompletedAsync;
        WatchHubAndRetry();
        await Hub.JoinAllJobsAsync();
    }

    protected override Task OnParametersSetAsync() => RefreshAsync();

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        model.Load(await Api.GetJobsAsync(Requested.Number, PageSize, cancellationToken));

    protected override async ValueTask OnClosingAsync()
    {
        Hub.JobStatusChanged -= OnJobStatusChangedAsync;
        Hub.EpochCompleted -= OnEpochCompletedAsync;
        await Hub.LeaveAllJobsAsync();
    }

    private Task OnJobStatusChangedAsync(JobStatusChangedEvent change) => OnUiThreadAsync(async () =>
    {
        if (model.Apply(change) == JobListUpdate.ReloadNeeded)
        {
            await RefreshAsync();
        }
    });

    // The row shows the answer at once; the hub's event for the same change follows and agrees.
    private void OnJobChanged(JobDto job) => model.Update(job);

    private Task OnEpochCompletedAsync(EpochCompletedEvent epoch) => OnUiThreadAsync(() => model.Apply(epoch));
}
