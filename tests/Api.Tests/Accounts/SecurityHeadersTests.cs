using System.Net;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>Every answer of the Api, errors included, forbids sniffing, referrers and framing.</summary>
public sealed class SecurityHeadersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/me", true, HttpStatusCode.OK)]
    [InlineData("/api/me", false, HttpStatusCode.Unauthorized)]
    [InlineData("/api/jobs/not-a-guid", true, HttpStatusCode.NotFound)]
    [InlineData("/health/live", false, HttpStatusCode.OK)]
    [InlineData("/swagger/index.html", false, HttpStatusCode.OK)]
    [InlineData("/hangfire", true, HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string path, bool withKey, HttpStatusCode status)
    {
        var response = await (withKey ? api.CreateClient() : api.CreateClientWithKey(null)).GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
