using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TrainingService.Api.Problems;

/// <summary>The one 503 answer while PostgreSQL is down: problem details and <c>Retry-After</c>.</summary>
public sealed class DatabaseUnavailableProblem(IProblemDetailsService problems, IOptions<DatabaseAvailabilityOptions> options)
{
    public const string Title = "The database is unavailable";

    public int RetryAfterSeconds => options.Value.RetryAfterSeconds;

    public ValueTask WriteAsync(HttpContext context, Exception? exception = null)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = Title,
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = $"PostgreSQL is not answering; the request was not carried out. Retry after {RetryAfterSeconds} s.",
            },
        });
    }
}
