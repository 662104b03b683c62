namespace TrainingService.Core.Persistence;

/// <summary>What a user's cancel, pause or resume did.</summary>
public enum ControlRequestResult
{
    /// <summary>No such job.</summary>
    NotFound,

    /// <summary>The job moved at once (a queued job cancelled, a paused job queued again).</summary>
    Done,

    /// <summary>The job is running; its worker stops it at the next batch boundary.</summary>
    Requested,

    /// <summary>The job is already where the request would take it.</summary>
    AlreadyDone,

    /// <summary>The job's state forbids the request (it has finished).</summary>
    Conflict,
}
