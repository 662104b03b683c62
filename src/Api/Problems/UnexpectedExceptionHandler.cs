using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TrainingService.Api.Problems;

/// <summary>
/// Anything no other handler recognised is a bug: logged as an error with its stack, answered 500 with a
/// generic body that names the trace to look for, never the exception's text.
/// </summary>
public sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        logger.LogError(exception, "{Method} {Path} failed (trace {TraceId})", context.Request.Method, context.Request.Path, traceId);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = $"The request failed on the server; the failure is logged under trace {traceId}.",
            },
        });
    }
}
