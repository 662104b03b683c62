using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingService.Api.Problems;

namespace TrainingService.Api.Health;

/// <summary>Readiness: PostgreSQL answers a round trip. Its answer also opens or closes the request gate.</summary>
/// <remarks>
/// The probe runs to its own end under the check's timeout, whatever happens to the request that asked for it: a caller
/// that goes away (a dashboard page closed while it polls readiness) says nothing about the database, and used to close
/// the gate, so every request was answered 503 until the next probe.
/// </remarks>
public sealed class DatabaseHealthCheck(DatabaseProbe probe, DatabaseAvailability availability) : IHealthCheck
{
    public const string Name = "database";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ProbeAsync(context.Registration.Timeout).WaitAsync(cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(TimeSpan timeout)
    {
        using var timedOut = new CancellationTokenSource(timeout);
        try
        {
            var took = await probe.PingAsync(timedOut.Token);
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
