using Microsoft.AspNetCore.Diagnostics;

namespace TrainingService.Api.Problems;

/// <summary>PostgreSQL did not answer: 503 with <c>Retry-After</c>, and the gate closes until it answers again.</summary>
public sealed class DatabaseUnavailableExceptionHandler(
    DatabaseAvailability availability, DatabaseUnavailableProblem unavailable, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseFailures.Reason(exception) is not { } reason) return false;
        // An outage is not a bug: one warning from the gate, not an error per request.
        logger.LogDebug(exception, "{Method} {Path} answered 503: PostgreSQL is unreachable", context.Request.Method, context.Request.Path);
        availability.ReportUnavailable(reason);
        await unavailable.WriteAsync(context, exception);
        return true;
    }
}
