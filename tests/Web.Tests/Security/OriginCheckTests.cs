using System.Net;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Security;

public sealed class OriginCheckTests : DashboardHostTests
{
    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://localhost:6666")]
    [InlineData("https://localhost")]
    public async Task A_sign_in_posted_from_another_origin_is_refused(string origin)
    {
        var browser = Dashboard.Browser();
        var token = await DashboardFactory.AntiforgeryTokenAsync(browser, "/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = SignInForm(token) };
        request.Headers.Add("Origin", origin);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Api.AuthorizationsOf("/api/me"));
    }

    [Fact]
    public async Task A_sign_in_posted_from_the_dashboards_own_origin_goes_through()
    {
        var browser = Dashboard.Browser();
        var token = await DashboardFactory.AntiforgeryTokenAsync(browser, "/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = SignInForm(token) };
        request.Headers.Add("Origin", DashboardFactory.Origin.GetLeftPart(UriPartial.Authority));

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/_blazor?id=abc")]
    [InlineData("POST", "/signout")]
    [InlineData("DELETE", "/jobs")]
    public async Task Circuits_and_state_changes_from_another_origin_are_refused_even_with_a_session(string method, string path)
    {
        var browser = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_circuit_from_the_dashboards_own_page_is_negotiated()
    {
        var browser = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", DashboardFactory.Origin.GetLeftPart(UriPartial.Authority));

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_circuit_without_a_session_is_not_negotiated()
    {
        using var response = await Dashboard.Browser().PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static FormUrlEncodedContent SignInForm(string token) => new(new Dictionary<string, string>
    {
        ["_handler"] = "signin",
        ["__RequestVerificationToken"] = token,
        ["Input.Key"] = StandInAccountsApi.MemberKey,
    });
}
