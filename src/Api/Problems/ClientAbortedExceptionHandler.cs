using Microsoft.AspNetCore.Diagnostics;

namespace TrainingService.Api.Problems;

/// <summary>The client went away: nobody is left to read an answer, and nothing failed on this side.</summary>
public sealed class ClientAbortedExceptionHandler(ILogger<ClientAbortedExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Nginx's "client closed request", which access logs show for such requests.</summary>
    public const int ClientClosedRequest = 499;

    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested) return ValueTask.FromResult(false);
        logger.LogDebug("{Method} {Path}: the client went away", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = ClientClosedRequest;
        return ValueTask.FromResult(true);
    }
}
