namespace TrainingService.Web.Clients.Hub;

/// <summary>
/// Reference-counted hub groups of one circuit, so two components watching the same job
/// do not unsubscribe each other, and so every group can be re-joined after a reconnect.
/// </summary>
public sealed class HubMemberships
{
    private readonly Dictionary<Guid, int> jobs = [];
    private int allJobs;

    public bool AllJobs => allJobs > 0;

    public IReadOnlyCollection<Guid> Jobs => jobs.Keys;

    /// <returns><see langword="true"/> when this is the first subscriber, i.e. the server must be told.</returns>
    public bool AddAllJobs() => ++allJobs == 1;

    /// <returns><see langword="true"/> when the last subscriber left.</returns>
    public bool RemoveAllJobs()
    {
        if (allJobs == 0)
        {
            return false;
        }

        return --allJobs == 0;
    }

    public bool AddJob(Guid jobId)
    {
        var count = jobs.GetValueOrDefault(jobId) + 1;
        jobs[jobId] = count;
        return count == 1;
    }

    public bool RemoveJob(Guid jobId)
    {
        if (!jobs.TryGetValue(jobId, out var count))
        {
            return false;
        }

        if (count > 1)
        {
            jobs[jobId] = count - 1;
            return false;
        }

        jobs.Remove(jobId);
        return true;
    }
}
