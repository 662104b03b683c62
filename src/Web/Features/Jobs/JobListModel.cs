using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.Jobs;

/// <summary>One page of jobs kept current by hub events.</summary>
public sealed class JobListModel
{
    public PagedResult<JobDto>? Page { get; private set; }

    public void Load(PagedResult<JobDto> page) => Page = page;

    public JobListUpdate Apply(JobStatusChangedEvent change)
    {
        if (Page is null)
        {
            return JobListUpdate.Ignored;
        }

        var index = IndexOf(change.JobId);
        if (index < 0 || change.Status.IsTerminal())
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
