using System.Net;
using TrainingService.Web.Security;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Security;

public sealed class SecurityHeadersTests : DashboardHostTests
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/jobs")]
    [InlineData("/favicon.ico")]
    [InlineData("/no/such/page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var response = await Dashboard.Browser().GetAsync(path);

        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_allows_no_inline_script_no_framing_and_no_foreign_form_target()
    {
        using var response = await Dashboard.Browser().GetAsync("/signin");
        var policy = Header(response, "Content-Security-Policy");

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task The_session_page_headers_also_cover_signed_in_pages()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", await response.Content.ReadAsStringAsync());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri} ({(int)response.StatusCode}).");
}
