using TrainingService.Contracts.Jobs;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.Jobs;

/// <summary>One page of jobs, as a query's filters and sort select them, kept current by hub events.</summary>
public sealed class JobListModel
{
    private IReadOnlyList<JobStatus> statuses = [];
    private string sort = JobListSort.Active;

    public PagedResult<JobDto>? Page { get; private set; }

    public void Load(PagedResult<JobDto> page, JobListQuery query)
    {
        Page = page;
        statuses = JobListRequest.StatusesOf(query);
        sort = query.Sort;
    }

    public JobListUpdate Apply(JobStatusChangedEvent change)
    {
        if (Page is null)
        {
            return JobListUpdate.Ignored;
        }

        var index = IndexOf(change.JobId);
        if (index < 0 || change.Status.IsTerminal() || !KeepsPlace(Page.Items[index], change.Status))
        {
            return JobListUpdate.ReloadNeeded;
        }

        Replace(index, job => job with
        {
            Status = change.Status,
            Error = change.Error,
            CurrentEpoch = change.CurrentEpoch,
            TotalEpochs = change.TotalEpochs,
            Attempt = Math.Max(job.Attempt, change.Attempt),
            StatusReason = change.Reason,
            StopRequest = change.StopRequest,
        });
        return JobListUpdate.Applied;
    }

    /// <summary>The job as the Api answered a cancel, pause or resume from its row.</summary>
    public JobListUpdate Update(JobDto job)
    {
        var index = IndexOf(job.Id);
        if (index < 0)
        {
            return JobListUpdate.Ignored;
        }

        Replace(index, _ => job);
        return JobListUpdate.Applied;
    }

    public JobListUpdate Apply(EpochCompletedEvent epoch)
    {
        var index = IndexOf(epoch.JobId);
        if (index < 0)
        {
            return JobListUpdate.Ignored;
        }

        Replace(index, job => job with { CurrentEpoch = Math.Max(job.CurrentEpoch, epoch.Epoch) });
        return JobListUpdate.Applied;
    }

    // A job whose new status the filter leaves out must go, and one the order places by status must move;
    // only the Api knows which rows then fill the page.
    private bool KeepsPlace(JobDto job, JobStatus status) =>
        (statuses.Count == 0 || statuses.Contains(status))
        && (job.Status == status || sort is not (JobListSort.Active or JobListSort.Status));

    private int IndexOf(Guid jobId)
    {
        var items = Page?.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Id == jobId)
            {
                return i;
            }
        }

        return -1;
    }

    private void Replace(int index, Func<JobDto, JobDto> update)
    {
        var items = Page!.Items.ToArray();
        items[index] = update(items[index]);
        Page = Page with { Items = items };
    }
}
