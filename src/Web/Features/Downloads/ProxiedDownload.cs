using System.Net.Http.Headers;

namespace TrainingService.Web.Features.Downloads;

/// <summary>
/// Streams the Api's answer to the browser as it arrives: status (200, 206, 304, 416...), the headers a download
/// needs (type, length, disposition, ETag and digests, ranges) and the body, never buffered.
/// </summary>
public sealed class ProxiedDownload(HttpResponseMessage response) : IResult, IDisposable
{
    // Hop-by-hop headers and the Api's own security or cookie headers stay behind.
    private static readonly string[] PassedHeaders =
    [
        "Content-Type", "Content-Length", "Content-Disposition", "Content-Range", "Accept-Ranges", "ETag", "Last-Modified",
        "X-Checksum-Sha256", "Repr-Digest", "Content-Digest", "Digest", "Cache-Control",
    ];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (response)
        {
            httpContext.Response.StatusCode = (int)response.StatusCode;
            foreach (var name in PassedHeaders)
            {
                if (Values(response, name) is { Length: > 0 } values)
                {
                    httpContext.Response.Headers[name] = values;
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(httpContext.RequestAborted);
            await body.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }

    public void Dispose() => response.Dispose();

    private static string[]? Values(HttpResponseMessage message, string name) =>
        message.Headers.TryGetValues(name, out var values) || message.Content.Headers.TryGetValues(name, out values)
            ? [.. values]
            : null;

    /// <summary>The browser's range and conditional headers, so resumed and cached downloads work through the proxy.</summary>
    public static Action<HttpRequestHeaders> ForwardFrom(HttpRequest request) => headers =>
    {
        foreach (var name in new[] { "Range", "If-Range", "If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since" })
        {
            if (request.Headers.TryGetValue(name, out var values))
            {
                headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
            }
        }
    };
}
