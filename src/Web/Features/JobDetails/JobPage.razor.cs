using Microsoft.AspNetCore.Components;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.JobDetails;

public sealed partial class JobPage
{
    private readonly JobDetailsModel model = new();
    private readonly CoalescedRead checkpointsRead = new();
    private Guid? joinedJobId;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private JobListNotice Notices { get; set; } = default!;

    [Inject]
    private PrerenderHandoff Handoff { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        Hub.JobStatusChanged += OnJobStatusChangedAsync;
        Hub.EpochCompleted += OnEpochCompletedAsync;
        Hub.BatchProgress += OnBatchProgressAsync;
        Hub.CheckpointSaved += OnCheckpointSavedAsync;
        WatchHubAndRetry();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (model.JobId == Id)
        {
            return;
        }

        model.Reset(Id);
        if (RendererInfo.IsInteractive)
        {
            // Join before the first read so nothing recorded in between is missed; overlaps merge by epoch.
            await LeaveJoinedJobAsync();
            joinedJobId = Id;
            await Hub.JoinJobAsync(Id);
            if (Handoff.TryTake<JobPageSnapshot>(nameof(JobPage), out var prerendered) && prerendered.JobId == Id)
            {
                Restore(prerendered);
                return;
            }
        }
        else
        {
            Handoff.Offer(nameof(JobPage), Snapshot);
        }

        await RefreshAsync();
    }

    private JobPageSnapshot? Snapshot() => ApiError is null && (model.Job is not null || model.NotFound)
        ? new JobPageSnapshot(model.JobId, model.Job, model.Metrics.Points, model.Checkpoints, model.Attempts, model.Steps.Series, Evaluation)
        : null;

    private void Restore(JobPageSnapshot prerendered)
    {
        model.Load(prerendered.Job, prerendered.Metrics, prerendered.Checkpoints);
        model.SetAttempts(prerendered.Attempts);
        model.Steps.Restore(prerendered.Steps);
        Evaluation = prerendered.Evaluation;
    }

    /// <summary>The test evaluation, once the job has succeeded.</summary>
    private EvaluationDto? Evaluation { get; set; }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = model.JobId;
        var job = Api.GetJobAsync(id, cancellationToken);
        var metrics = Api.GetMetricsAsync(id, cancellationToken);
        var checkpoints = Api.GetCheckpointsAsync(id, cancellationToken);
        var evaluation = Api.GetEvaluationAsync(id, cancellationToken);
        var attempts = Api.GetAttemptsAsync(id, cancellationToken);
        var steps = model.Steps.ReloadAsync(StepsOf(id), cancellationToken);
        await Task.WhenAll(job, metrics, checkpoints, evaluation, attempts, steps);
        model.Load(await job, await metrics, await checkpoints);
        model.SetAttempts(await attempts);
        Evaluation = await evaluation;
    }

    protected override async ValueTask OnClosingAsync()
    {
        Hub.JobStatusChanged -= OnJobStatusChangedAsync;
        Hub.EpochCompleted -= OnEpochCompletedAsync;
        Hub.BatchProgress -= OnBatchProgressAsync;
        Hub.CheckpointSaved -= OnCheckpointSavedAsync;
        await LeaveJoinedJobAsync();
    }

    // The job is gone, so is its page: the list says what was deleted.
    private void OnDeleted(JobDto job)
    {
        Notices.Leave(JobListNotice.Deleted(job));
        Navigation.NavigateTo("jobs");
    }

    private async Task LeaveJoinedJobAsync()
    {
        if (joinedJobId is { } previous)
        {
            joinedJobId = null;
            await Hub.LeaveJobAsync(previous);
        }
    }

    private Task OnJobStatusChangedAsync(JobStatusChangedEvent change) => OnUiThreadAsync(async () =>
    {
        if (change.JobId != model.JobId)
        {
            return;
        }

        if (model.Apply(change))
        {
            await RefreshAsync();
        }
        else
        {
            // Every status change opens or closes an attempt (or records why it ended); the event does not say which.
            await RunApiAsync(async ct => model.SetAttempts(await Api.GetAttemptsAsync(change.JobId, ct)));
        }
    });

    private Task OnEpochCompletedAsync(EpochCompletedEvent epoch) => OnUiThreadAsync(() =>
    {
        if (epoch.JobId != model.JobId)
        {
            return;
        }

        model.Apply(epoch);
        // The steps commit in the same transaction as the row this event announces, so they are readable now; the feed
        // folds asks that come while it reads into one more read.
        ReadBehindHub(ct => model.Steps.ReadNewAsync(StepsOf(epoch.JobId), ct));
    });

    private StepLossFeed.Reader StepsOf(Guid jobId) =>
        (from, cancellationToken) => Api.GetStepLossesAsync(jobId, JobDetailsModel.StepChartPoints, from, cancellationToken);

    private Task OnBatchProgressAsync(BatchProgressEvent progress) => OnUiThreadAsync(() => model.Apply(progress));

    private Task OnCheckpointSavedAsync(CheckpointSavedEvent saved) => OnUiThreadAsync(() =>
    {
        if (saved.JobId == model.JobId)
        {
            ReadBehindHub(ct => checkpointsRead.RunAsync(async token => model.SetCheckpoints(await Api.GetCheckpointsAsync(saved.JobId, token)), ct));
        }
    });
}
