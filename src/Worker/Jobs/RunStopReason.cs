namespace TrainingService.Worker.Jobs;

/// <summary>Why a run was asked to stop at its next batch boundary; the first reason given wins, except that a lost lease overrides all.</summary>
public enum RunStopReason
{
    None,

    /// <summary>The user asked to cancel or pause; the job row says which.</summary>
    UserRequest,

    /// <summary>The worker is stopping (SIGTERM) and hands the run back.</summary>
    Drain,

    /// <summary>The run no longer owns the job; it must stop writing at once.</summary>
    LeaseLost,
}
