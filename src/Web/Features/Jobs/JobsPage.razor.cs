using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TrainingService.Contracts.Jobs;
using TrainingService.Contracts.Storage;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Security;

namespace TrainingService.Web.Features.Jobs;

public sealed partial class JobsPage
{
    private readonly JobListModel model = new();
    private readonly HashSet<Guid> selected = [];
    private JobListRequest request = JobListRequest.Parse(new Dictionary<string, string?>());
    private string? notice;

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private ApiEndpoints Endpoints { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private JobListNotice Notices { get; set; } = default!;

    [Inject]
    private PrerenderHandoff Handoff { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private bool ShowOwner { get; set; }

    // Text rather than typed values: a hand-edited ?page=abc or ?sweep=x must reach this page and be explained,
    // not fail the binding.
    [SupplyParameterFromQuery(Name = JobListRequest.Names.Page)]
    public string? PageText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.PageSize)]
    public string? PageSizeText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Status)]
    public string? StatusText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Model)]
    public string? ModelText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Dataset)]
    public string? DatasetText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Tag)]
    public string? TagText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Sweep)]
    public string? SweepText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Text)]
    public string? SearchText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Sort)]
    public string? SortText { get; set; }

    [SupplyParameterFromQuery(Name = JobListRequest.Names.Order)]
    public string? OrderText { get; set; }

    private JobListQuery Query => request.Query;

    private StorageUsageResource? Storage { get; set; }

    private bool IsFiltered => Query.Status is { Count: > 0 } || Query.Model is not null || Query.Dataset is not null
                               || Query.Tag is not null || Query.Sweep is not null || Query.Text is not null;

    private string SortNote => Query.Sort == JobListSort.Active
        ? "Running jobs first, then paused, queued and finished ones, newest first."
        : $"Sorted by {Query.Sort} ({(Query.Order == JobListSort.Descending ? "descending" : "ascending")}).";

    protected override async Task OnInitializedAsync()
    {
        notice = Notices.Take();
        ShowOwner = Authentication is not null && SessionClaims.IsAdmin((await Authentication).User);
        if (!RendererInfo.IsInteractive)
        {
            Handoff.Offer(nameof(JobsPage), () => model.Page is { } page ? new JobsPageSnapshot(JobListLinks.To(Query), page, Storage) : null);
            return;
        }

        Hub.JobStatusChanged += OnJobStatusChangedAsync;
        Hub.EpochCompleted += OnEpochCompletedAsync;
        WatchHubAndRetry();
        await Hub.JoinAllJobsAsync();
    }

    protected override Task OnParametersSetAsync()
    {
        request = JobListRequest.Parse(new Dictionary<string, string?>
        {
            [JobListRequest.Names.Page] = PageText,
            [JobListRequest.Names.PageSize] = PageSizeText,
            [JobListRequest.Names.Status] = StatusText,
            [JobListRequest.Names.Model] = ModelText,
            [JobListRequest.Names.Dataset] = DatasetText,
            [JobListRequest.Names.Tag] = TagText,
            [JobListRequest.Names.Sweep] = SweepText,
            [JobListRequest.Names.Text] = SearchText,
            [JobListRequest.Names.Sort] = SortText,
            [JobListRequest.Names.Order] = OrderText,
        });
        if (RendererInfo.IsInteractive && Handoff.TryTake<JobsPageSnapshot>(nameof(JobsPage), out var prerendered)
            && prerendered.Query == JobListLinks.To(Query))
        {
            model.Load(prerendered.Jobs, Query);
            Storage = prerendered.Storage;
            return Task.CompletedTask;
        }

        return RefreshAsync();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = Query;
        var jobs = Api.GetJobsAsync(query, cancellationToken);
        var storage = Api.GetStorageAsync(cancellationToken);
        await Task.WhenAll(jobs, storage);
        model.Load(await jobs, query);
        Storage = await storage;
    }

    protected override async ValueTask OnClosingAsync()
    {
        Hub.JobStatusChanged -= OnJobStatusChangedAsync;
        Hub.EpochCompleted -= OnEpochCompletedAsync;
        await Hub.LeaveAllJobsAsync();
    }

    // The URL is the list: a new query is a navigation, which reloads through OnParametersSetAsync.
    private void Show(JobListQuery query) => Navigation.NavigateTo(JobListLinks.To(query));

    private void OnSelectionChanged((Guid Job, bool Selected) change)
    {
        if (change.Selected)
        {
            selected.Add(change.Job);
        }
        else
        {
            selected.Remove(change.Job);
        }
    }

    private Task OnJobDeletedAsync(JobDto job)
    {
        selected.Remove(job.Id);
        notice = JobListNotice.Deleted(job);
        return RefreshAsync();
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
