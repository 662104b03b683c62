using Microsoft.AspNetCore.Diagnostics;

namespace TrainingService.Api.Problems;

/// <summary>
/// The client went away: nobody is left to read an answer, and nothing failed on this side. The exception
/// handler middleware already treats a bare <see cref="OperationCanceledException"/> so; this catches the
/// cancellations a library wrapped on the way up (EF, Npgsql, Hangfire), which would otherwise log as a 500.
/// </summary>
public sealed class ClientAbortedExceptionHandler(ILogger<ClientAbortedExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Nginx's "client closed request", which access logs show for such requests.</summary>
    public const int ClientClosedRequest = 499;

    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.RequestAborted.IsCancellationRequested || !IsCancellation(exception)) return ValueTask.FromResult(false);
        logger.LogDebug("{Method} {Path}: the client went away", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = ClientClosedRequest;
        return ValueTask.FromResult(true);
    }

    private static bool IsCancellation(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is OperationCanceledException) return true;
        }
        return false;
    }
}
