using Microsoft.Extensions.Options;

namespace TrainingService.Web.Configuration;

/// <summary>Builds absolute Api addresses for server-side calls and for links rendered to the browser.</summary>
public sealed class ApiEndpoints(IOptions<ApiOptions> options)
{
    /// <summary>Base address for calls made from this server.</summary>
    public Uri Server => WithTrailingSlash(options.Value.BaseUrl);

    /// <summary>Base address the browser can reach.</summary>
    public Uri Public => WithTrailingSlash(options.Value.PublicUrl ?? options.Value.BaseUrl);

    public Uri Hub => new(Server, "hubs/training");

    public Uri Swagger => new(Public, "swagger");

    public Uri Hangfire => new(Public, "hangfire");

    /// <summary>Turns an Api-relative path such as <c>/api/jobs/{id}/checkpoints/best</c> into a browser link.</summary>
    public Uri ToPublic(string apiPath) =>
        Uri.TryCreate(apiPath, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(Public, apiPath.TrimStart('/'));

    // Without the trailing slash a relative path would replace the last segment of a prefixed base
    // (http://proxy/training + api/jobs => http://proxy/api/jobs).
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
