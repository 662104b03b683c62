using Hangfire.States;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Makes Hangfire agree with the job row: a delivery that returned anything but
/// <see cref="RunEnding.Succeeded"/> ends Deleted (Hangfire's word for cancelled) with our reason,
/// never Succeeded. Failures throw, so Hangfire shows them Failed with the exception.
/// </summary>
public sealed class RunEndingStateFilter : IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is SucceededState { Result: RunEnding ending } && ending != RunEnding.Succeeded)
        {
            context.CandidateState = new DeletedState { Reason = Describe(ending) };
        }
    }

    private static string Describe(RunEnding ending) => ending switch
    {
        RunEnding.Cancelled => "Cancelled by the user.",
        RunEnding.Paused => "Paused by the user; resuming queues a new delivery.",
        RunEnding.HandedBack => "Handed back by a stopping worker; a new delivery continues it.",
        RunEnding.Restarting => "The run crashed; a new delivery restarts it from its training checkpoint.",
        RunEnding.LeaseLost => "The run lost its lease; a new delivery continues it.",
        _ => "The job was not queued when this delivery arrived.",
    };
}
