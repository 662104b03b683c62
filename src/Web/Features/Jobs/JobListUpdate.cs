namespace TrainingService.Web.Features.Jobs;

/// <summary>What a live event did to the job list.</summary>
public enum JobListUpdate
{
    /// <summary>The event does not concern the page.</summary>
    Ignored,

    /// <summary>The row was updated in place.</summary>
    Applied,

    /// <summary>The page must be re-read: a job it does not show yet, or one whose final state only REST has.</summary>
    ReloadNeeded,
}
