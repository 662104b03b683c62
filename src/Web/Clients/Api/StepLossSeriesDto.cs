namespace TrainingService.Web.Clients.Api;

/// <summary>
/// A job's per-step training loss from <c>GET /api/jobs/{id}/steps</c>: how many steps it has recorded
/// (numbered from zero), and the requested range <see cref="From"/>..<see cref="To"/> as at most maxPoints buckets.
/// </summary>
public sealed record StepLossSeriesDto(long TotalSteps, long From, long To, IReadOnlyList<StepLossPointDto> Points)
{
    public static StepLossSeriesDto Empty { get; } = new(0, 0, 0, []);
}
