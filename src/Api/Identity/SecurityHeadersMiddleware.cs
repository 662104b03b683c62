using Microsoft.Net.Http.Headers;

namespace TrainingService.Api.Identity;

/// <summary>
/// The headers every answer carries: no content sniffing, no referrer (an Api URL may hold a job id), and no
/// framing (click-jacking of Swagger UI or the Hangfire dashboard). Set as the answer starts, so that they survive
/// the exception handler's clearing of the response.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ReferrerPolicy = "Referrer-Policy";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            headers[ReferrerPolicy] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
