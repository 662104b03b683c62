using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// Marks on the curves where each attempt after the first started, so a jump or a repeated stretch in a
/// curve can be told from a training effect. Attempts that started at the same place share one mark:
/// two lines drawn on top of each other would read as one and clutter the legend.
/// </summary>
public static class ResumeMarkers
{
    /// <summary>On the epoch axis: at the number of epochs complete when the attempt started.</summary>
    public static IReadOnlyList<ResumeMarker> OnEpochAxis(IReadOnlyList<AttemptDto> attempts) =>
        Build(attempts, a => a.StartEpoch);

    /// <summary>On the step axis: at the attempt's first step.</summary>
    public static IReadOnlyList<ResumeMarker> OnStepAxis(IReadOnlyList<AttemptDto> attempts) =>
        Build(attempts, a => a.StartStep);

    /// <summary>A vertical line at each marker from <paramref name="low"/> to <paramref name="high"/>, the span of the chart's data.</summary>
    public static IReadOnlyList<MarkerPoint> Line(ResumeMarker marker, double low, double high) =>
        [new(marker.Position, low), new(marker.Position, high)];

    private static IReadOnlyList<ResumeMarker> Build(IReadOnlyList<AttemptDto> attempts, Func<AttemptDto, double> position) =>
    [
        .. attempts
            .OrderBy(a => a.Attempt)
            .Skip(1)
            .GroupBy(position)
            .OrderBy(g => g.Key)
            .Select(g => new ResumeMarker(g.Key, Label([.. g.Select(a => a.Attempt)]))),
    ];

    private static string Label(IReadOnlyList<int> attempts) => attempts.Count == 1
        ? $"attempt {attempts[0]} resumed"
        : $"attempts {string.Join(", ", attempts)} resumed";
}
