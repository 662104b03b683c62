using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrainingService.Api.Health;

/// <summary>Liveness, readiness and the checks behind readiness.</summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Kept for what polled it before readiness had a path of its own.</summary>
    public const string LegacyPath = "/health";

    private const string ReadyTag = "ready";

    /// <summary>Each check gives up after this, so readiness answers quickly even when a dependency hangs.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    public static IHealthChecksBuilder AddTrainingHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, HealthStatus.Unhealthy, [ReadyTag], CheckTimeout)
            .AddCheck<WorkersHealthCheck>(WorkersHealthCheck.Name, HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);

    public static void MapTrainingHealthChecks(this IEndpointRouteBuilder app)
    {
        // Liveness runs no check: a process that serves this is alive whatever its dependencies do.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteLivenessAsync }).AllowAnonymous();
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteReadinessAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        };
        app.MapHealthChecks(ReadyPath, ready).AllowAnonymous();
        app.MapHealthChecks(LegacyPath, ready).AllowAnonymous();
    }
}
