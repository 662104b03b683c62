namespace TrainingService.Contracts.Jobs;

/// <summary>
/// A job's per-step training loss from <c>GET /api/jobs/{id}/steps</c>: how many steps it has recorded (numbered
/// from zero), and the requested range <see cref="From"/>..<see cref="To"/> as at most <c>maxPoints</c> buckets.
/// A reader that holds steps <c>0..n-1</c> asks with <c>from=n</c> and gets only the steps recorded since.
/// </summary>
public sealed record StepSeriesResource(long TotalSteps, long From, long To, IReadOnlyList<StepPointResource> Points)
{
    public static StepSeriesResource Empty { get; } = new(0, 0, 0, []);
}
