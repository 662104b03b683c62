using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TrainingService.Api.Identity;

/// <summary>
/// Refuses, before authentication, state-changing requests and hub connections that a page of a foreign origin
/// started: browsers name the page's origin in <c>Origin</c> on exactly those, and a page must never act with
/// credentials the browser holds for the Api (a Hangfire Basic password, a key typed into a prompt). Requests
/// without an <c>Origin</c> (curl, the dashboard's server, the SignalR .NET client) are not a browser page's.
/// </summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, IOptions<CrossOriginOptions> options, IProblemDetailsService problems)
{
    private const int MaxOriginShown = 200;

    private readonly HashSet<string> _allowed = new(options.Value.Origins(), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin;
        if (origin.Count == 0 || !IsGuarded(request) || (origin.Count == 1 && IsAccepted(origin[0], request)))
        {
            await next(context);
            return;
        }
        var shown = origin.ToString();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-origin request refused",
                Detail = $"Requests that change state, and hub connections, are accepted from the Api's own origin and from "
                    + $"{CrossOriginOptions.SectionName}:AllowedOrigins only, not from '{(shown.Length > MaxOriginShown ? shown[..MaxOriginShown] + "…" : shown)}'.",
            },
        });
    }

    private static bool IsGuarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs")
        || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    private bool IsAccepted(string? origin, HttpRequest request) =>
        origin is not null && (string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin));
}
