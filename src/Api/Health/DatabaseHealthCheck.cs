using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingService.Api.Problems;

namespace TrainingService.Api.Health;

/// <summary>Readiness: PostgreSQL answers a round trip. Its answer also opens or closes the request gate.</summary>
public sealed class DatabaseHealthCheck(DatabaseProbe probe, DatabaseAvailability availability) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var took = await probe.PingAsync(cancellationToken);
            availability.ReportAvailable();
            return HealthCheckResult.Healthy($"PostgreSQL answered in {took.TotalMilliseconds:0} ms.");
        }
        catch (Exception exception) when (exception is OperationCanceledException || DatabaseFailures.IsUnavailable(exception))
        {
            var reason = exception is OperationCanceledException ? "no answer within the check's timeout" : DatabaseFailures.Reason(exception);
            availability.ReportUnavailable(reason);
            return HealthCheckResult.Unhealthy($"PostgreSQL is unreachable: {reason}.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL refused the check: {exception.Message.Split('\n', 2)[0].TrimEnd('.')}.");
        }
    }
}
