using Microsoft.Extensions.Options;

namespace TrainingService.Web.Security;

/// <summary>
/// Refuses, with 403, state-changing requests and circuit connections (<c>/_blazor</c>, WebSocket upgrades) whose
/// <c>Origin</c> is another site's. SameSite=Strict already keeps the session cookie off such requests, and forms carry
/// antiforgery tokens; this is the third lock, and the only one for a WebSocket, which no antiforgery token guards.
/// </summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, IOptionsMonitor<WebSecurityOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (NeedsCheck(context) && request.Headers.Origin.Count > 0 && !IsAllowed(request))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-origin request refused",
                detail: "The Origin header names another site; the dashboard accepts state-changing requests and circuits only from its own pages.")
                .ExecuteAsync(context);
        }

        return next(context);
    }

    private static bool NeedsCheck(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        || context.WebSockets.IsWebSocketRequest
        || context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);

    private bool IsAllowed(HttpRequest request)
    {
        // More than one Origin value is no browser's doing.
        if (request.Headers.Origin.Count != 1 || request.Headers.Origin[0] is not { Length: > 0 } origin)
        {
            return false;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.CurrentValue.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
