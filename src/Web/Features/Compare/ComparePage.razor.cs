using Microsoft.AspNetCore.Components;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Features.NewJob;

namespace TrainingService.Web.Features.Compare;

/// <summary>
/// Jobs side by side, live: each job's hub group is joined as the job page joins one, epochs merge into the curves as
/// they finish, and a job that finishes is re-read for its result and evaluation.
/// </summary>
public sealed partial class ComparePage
{
    private readonly CompareModel model = new();
    private readonly HashSet<Guid> joined = [];
    private string? shownSelection;

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [SupplyParameterFromQuery(Name = CompareLinks.JobsParameter)]
    public string? JobsText { get; set; }

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        Hub.JobStatusChanged += OnJobStatusChangedAsync;
        Hub.EpochCompleted += OnEpochCompletedAsync;
        WatchHubAndRetry();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (shownSelection == JobsText && model.Jobs.Count > 0)
        {
            return;
        }

        shownSelection = JobsText;
        model.Reset(CompareSelection.Parse(JobsText));
        if (RendererInfo.IsInteractive)
        {
            // Join before the first read so nothing recorded in between is missed; overlaps merge by epoch.
            await LeaveJoinedAsync();
            foreach (var job in model.Jobs)
            {
                joined.Add(job.Id);
                await Hub.JoinJobAsync(job.Id);
            }
        }

        await RefreshAsync();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(model.Jobs.Select(job => LoadJobAsync(job, cancellationToken)));
        if (model.Found.Any(j => j.Summary is null))
        {
            await ReadSummariesAsync(cancellationToken);
        }
    }

    protected override async ValueTask OnClosingAsync()
    {
        Hub.JobStatusChanged -= OnJobStatusChangedAsync;
        Hub.EpochCompleted -= OnEpochCompletedAsync;
        await LeaveJoinedAsync();
    }

    private async Task LoadJobAsync(ComparedJob job, CancellationToken cancellationToken)
    {
        var read = Api.GetJobAsync(job.Id, cancellationToken);
        var metrics = Api.GetMetricsAsync(job.Id, cancellationToken);
        var evaluation = Api.GetEvaluationAsync(job.Id, cancellationToken);
        var steps = job.Steps.ReloadAsync(StepsOf(job), cancellationToken);
        await Task.WhenAll(read, metrics, evaluation, steps);
        job.Load(await read, await metrics);
        job.Evaluation = await evaluation;
    }

    private StepLossFeed.Reader StepsOf(ComparedJob job) =>
        (from, cancellationToken) => Api.GetStepLossesAsync(job.Id, JobDetailsModel.StepChartPoints, from, cancellationToken);

    // A network's size does not change while it trains, so each job's summary is read once. The Api resolves the input
    // each network sees from the job's own spec, as validating it again does; the page copies none of those rules.
    private Task ReadSummariesAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(model.Found.Where(j => j.Summary is null).Select(j => ReadSummaryAsync(j, cancellationToken)));

    private async Task ReadSummaryAsync(ComparedJob job, CancellationToken cancellationToken)
    {
        try
        {
            var check = await Api.ValidateJobAsync(SpecDraft.FromStoredSpec(job.Job!.Spec, nameSuffix: "").ToJsonObject(), cancellationToken);
            job.Summary = check.Value?.Summary;
            job.SummaryProblem = check.Value is null
                ? $"No summary: {string.Join(" ", check.Errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}")))}"
                : null;
        }
        catch (ApiKeyRejectedException)
        {
            throw;
        }
        catch (TrainingApiException ex)
        {
            // One job's summary failing says something about that job, not about the page.
            job.SummaryProblem = $"No summary: {ex.Message}";
        }
    }

    private async Task LeaveJoinedAsync()
    {
        foreach (var id in joined.ToList())
        {
            joined.Remove(id);
            await Hub.LeaveJobAsync(id);
        }
    }

    private Task OnJobStatusChangedAsync(JobStatusChangedEvent change) => OnUiThreadAsync(async () =>
    {
        if (model.Find(change.JobId) is { } job && job.Apply(change))
        {
            await RunApiAsync(ct => LoadJobAsync(job, ct));
        }
    });

    private Task OnEpochCompletedAsync(EpochCompletedEvent epoch) => OnUiThreadAsync(async () =>
    {
        if (model.Find(epoch.JobId) is not { } job)
        {
            return;
        }

        job.Apply(epoch);
        // The curves need not wait for the steps round trip.
        StateHasChanged();
        // The steps commit in the same transaction as the row this event announces, so they are readable now.
        await RunApiAsync(ct => job.Steps.ReadNewAsync(StepsOf(job), ct));
    });
}
