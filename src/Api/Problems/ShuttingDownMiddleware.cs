using Microsoft.AspNetCore.Mvc;

namespace TrainingService.Api.Problems;

/// <summary>
/// Once the Api has begun to stop, every new request gets a 503 and the connection is closed. SignalR closes its
/// connections when stopping begins, and Kestrel keeps listening until every hosted service has stopped; a hub
/// client that reconnected in that window would hold the stopping Api open for its whole shutdown timeout and
/// then be cut off again. Refused, it retries and reaches the next Api.
/// </summary>
public sealed class ShuttingDownMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        context.Response.Headers.Connection = "close";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = "The Api is shutting down",
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "This Api process is stopping and takes no new requests; retry in a second.",
            },
        });
    }
}
