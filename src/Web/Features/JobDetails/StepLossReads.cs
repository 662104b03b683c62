using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// The per-step loss curve, re-read whole whenever new steps land. Reads overlap (a reconnect's refresh
/// and an epoch's reload) and may answer out of order, so only the answer to the latest read is kept:
/// it is the one that holds the most steps.
/// </summary>
public sealed class StepLossReads
{
    private int latest;

    public StepLossSeriesDto Series { get; private set; } = StepLossSeriesDto.Empty;

    /// <returns>The ticket to hand to <see cref="Complete"/> with the answer of the read started now.</returns>
    public int Begin() => ++latest;

    /// <returns><see langword="true"/> when the answer was kept.</returns>
    public bool Complete(int ticket, StepLossSeriesDto series)
    {
        if (ticket != latest)
        {
            return false;
        }

        Series = series;
        return true;
    }

    /// <summary>For another job: answers to reads started for the previous one are dropped.</summary>
    public void Clear()
    {
        latest++;
        Series = StepLossSeriesDto.Empty;
    }
}
