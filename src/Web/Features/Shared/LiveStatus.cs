using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Shared;

/// <summary>The indicator's state, its short label and the longer description shown as its tooltip.</summary>
public sealed record LiveStatus(LiveState State, string Label, string Description)
{
    public const string DatabaseCheck = "database";
    public const string WorkersCheck = "workers";

    public static readonly LiveStatus Connecting =
        new(LiveState.Connecting, "Connecting…", "Connecting to the training hub and asking the Api whether it is ready.");

    /// <param name="hubConnected">Whether the circuit's hub connection is up, i.e. live events can arrive.</param>
    /// <param name="readiness">The last readiness answer; <see langword="null"/> before the first one or when the last poll failed.</param>
    /// <param name="readinessError">Why the last poll got no answer, when it did not.</param>
    /// <param name="hubEverConnected">Whether the hub has connected since the page opened: until then it is connecting, not lost.</param>
    public static LiveStatus From(bool hubConnected, HealthReportDto? readiness, string? readinessError, bool hubEverConnected = true)
    {
        if (readinessError is not null)
        {
            return new(LiveState.Offline, "Offline — reconnecting", readinessError);
        }

        if (!hubConnected && !hubEverConnected)
        {
            return Connecting;
        }

        if (!hubConnected)
        {
            return new(LiveState.Offline, "Offline — reconnecting",
                "Not connected to the training hub; retrying. Live updates resume once it reconnects.");
        }

        return readiness is null ? Connecting : FromReadiness(readiness);
    }

    private static LiveStatus FromReadiness(HealthReportDto readiness) => readiness.Status switch
    {
        ApiHealthStatus.Healthy => new(LiveState.Live, "Live", $"Receiving live updates. {Describe(readiness.Checks, "The Api is ready.")}"),
        ApiHealthStatus.Degraded => new(LiveState.Degraded, DegradedLabel(readiness), Describe(NotHealthy(readiness), "The Api reports itself degraded.")),
        _ => new(LiveState.Unavailable, UnavailableLabel(readiness), Describe(NotHealthy(readiness), "The Api reports itself unhealthy.")),
    };

    private static string DegradedLabel(HealthReportDto readiness) =>
        readiness.Check(WorkersCheck)?.Status == ApiHealthStatus.Degraded ? "No worker online" : "Degraded";

    // The database is named first: without it nothing else the Api says can be relied on.
    private static string UnavailableLabel(HealthReportDto readiness) =>
        readiness.Check(DatabaseCheck)?.Status == ApiHealthStatus.Unhealthy ? "Database unavailable"
        : readiness.Check(WorkersCheck)?.Status == ApiHealthStatus.Unhealthy ? "Job queue unavailable"
        : "Api unavailable";

    private static IEnumerable<HealthCheckDto> NotHealthy(HealthReportDto readiness) =>
        readiness.Checks.Where(c => c.Status != ApiHealthStatus.Healthy);

    private static string Describe(IEnumerable<HealthCheckDto> checks, string fallback)
    {
        var descriptions = checks
            .Select(c => string.IsNullOrWhiteSpace(c.Description) ? $"{c.Name}: {c.Status}." : c.Description.Trim())
            .ToList();
        return descriptions.Count == 0 ? fallback : string.Join(" ", descriptions);
    }
}
