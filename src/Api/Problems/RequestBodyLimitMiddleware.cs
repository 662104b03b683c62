using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace TrainingService.Api.Problems;

/// <summary>
/// Enforces the endpoint's body limit (<see cref="IRequestSizeLimitMetadata"/>, else Kestrel's) so that the
/// client receives the 413. A declared <c>Content-Length</c> past it is refused before the endpoint runs (an
/// endpoint that answers without reading, an unknown job say, must not leave Kestrel to cut the connection).
/// A chunked body is counted as it is read; past the limit the read throws, and
/// <see cref="BadRequestExceptionHandler"/> discards the rest and answers 413.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is null || feature.IsReadOnly)
        {
            await next(context);
            return;
        }
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata ? metadata.MaxRequestBodySize : feature.MaxRequestBodySize;
        feature.MaxRequestBodySize = limit;
        if (limit is null)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            // A client that waits for 100-continue has sent nothing yet; any other is sending, and is heard out.
            if (!request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase)
                && request.ContentLength <= OversizedBodyDrain.MaxDrainBytes)
            {
                feature.MaxRequestBodySize = null;
                await new OversizedBodyDrain(request.Body).DrainAsync(context.RequestAborted);
            }
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = RequestTooLargeProblem.Create(context, limit) });
            return;
        }
        if (request.ContentLength is null && request.Headers.ContainsKey(HeaderNames.TransferEncoding))
        {
            // Kestrel's own count would fail the connection's reads; this one leaves the rest of the body drainable.
            feature.MaxRequestBodySize = null;
            var raw = request.Body;
            context.Features.Set(new OversizedBodyDrain(raw));
            context.Features.Set(new RequestBodyLimit(limit.Value));
            request.Body = new LimitedRequestBody(raw, limit.Value);
        }
        await next(context);
    }
}
