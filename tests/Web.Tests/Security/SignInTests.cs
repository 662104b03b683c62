using System.Net;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Security;

public sealed class SignInTests : DashboardHostTests
{
    [Theory]
    [InlineData("/jobs", "/signin?returnUrl=%2Fjobs")]
    [InlineData("/keys", "/signin?returnUrl=%2Fkeys")]
    [InlineData("/jobs/6f1c3c1e-6f0e-4d0b-9a52-0a4c7f1d2e01", "/signin?returnUrl=%2Fjobs%2F6f1c3c1e-6f0e-4d0b-9a52-0a4c7f1d2e01")]
    public async Task A_visit_without_a_session_is_sent_to_sign_in_and_back(string page, string signIn)
    {
        using var response = await Dashboard.Browser().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(signIn, response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_page_and_its_script_need_no_session()
    {
        var browser = Dashboard.Browser();

        using var page = await browser.GetAsync("/signin");
        using var script = await browser.GetAsync("/signin.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-signin-form", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Key\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("history.replaceState", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_key_opens_a_strict_http_only_session_and_lands_on_the_return_url()
    {
        var browser = Dashboard.Browser();

        using var response = await DashboardFactory.SignInAsync(browser, StandInAccountsApi.MemberKey, "/keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/keys"), new Uri(DashboardFactory.Origin, response.Headers.Location!));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TrainingService.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(StandInAccountsApi.MemberKey, cookie, StringComparison.Ordinal);
        Assert.Equal(["Bearer " + StandInAccountsApi.MemberKey], Api.AuthorizationsOf("/api/me"));
        using var jobs = await browser.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
    }

    [Fact]
    public async Task Pages_call_the_api_with_the_signed_in_users_key_as_bearer()
    {
        var browser = await SignedInBrowserAsync();

        using var jobs = await browser.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Equal(["Bearer " + StandInAccountsApi.MemberKey], Api.AuthorizationsOf("/api/jobs"));
        var html = await jobs.Content.ReadAsStringAsync();
        Assert.Contains("No training jobs yet", html, StringComparison.Ordinal);
        Assert.Contains("alice", html, StringComparison.Ordinal);
        Assert.DoesNotContain(StandInAccountsApi.MemberKey, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tsk_unknownunknownunknownunknownunknownunknow")]
    [InlineData("not even a key")]
    [InlineData("")]
    public async Task A_key_the_api_refuses_shows_why_and_opens_no_session(string key)
    {
        var browser = Dashboard.Browser();

        using var response = await DashboardFactory.SignInAsync(browser, key);

        Assert.InRange((int)response.StatusCode, 400, 401);
        Assert.Contains("data-signin-error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("TrainingService.Session=", StringComparison.Ordinal)));
        using var jobs = await browser.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, jobs.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_sign_in()
    {
        Api.Revoke(StandInAccountsApi.MemberKey);

        using var response = await DashboardFactory.SignInAsync(Dashboard.Browser(), StandInAccountsApi.MemberKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_is_a_503_that_says_so_never_a_500()
    {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        await using var dashboard = new DashboardFactory(new Uri("http://127.0.0.1:1/"));

        using var response = await DashboardFactory.SignInAsync(dashboard.Browser(), StandInAccountsApi.MemberKey);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("cannot be reached", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Directory.Delete(dashboard.KeyRing, recursive: true);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/jobs")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/signout")]
    public async Task A_return_url_that_is_not_a_local_page_lands_on_the_jobs(string returnUrl)
    {
        using var response = await DashboardFactory.SignInAsync(Dashboard.Browser(), StandInAccountsApi.MemberKey, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/jobs"), new Uri(DashboardFactory.Origin, response.Headers.Location!));
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        var browser = Dashboard.Browser();

        using var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.Key"] = StandInAccountsApi.MemberKey,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Api.AuthorizationsOf("/api/me"));
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token_and_ends_the_session()
    {
        var browser = await SignedInBrowserAsync();

        using var forged = await browser.PostAsync("/signout", new FormUrlEncodedContent([]));
        using var stillIn = await browser.GetAsync("/jobs");
        var token = await DashboardFactory.AntiforgeryTokenAsync(browser, "/jobs");
        using var signOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await browser.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_whose_key_was_revoked_is_told_to_sign_in_again()
    {
        var browser = await SignedInBrowserAsync();
        Api.Revoke(StandInAccountsApi.MemberKey);

        using var jobs = await browser.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        var html = await jobs.Content.ReadAsStringAsync();
        Assert.Contains("data-key-rejected", html, StringComparison.Ordinal);
        Assert.Contains("signin?reason=expired", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_is_kept_off_the_users_page_and_out_of_the_admin_links()
    {
        var browser = await SignedInBrowserAsync();

        using var users = await browser.GetAsync("/users");
        using var jobs = await browser.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/forbidden", users.Headers.Location!.AbsolutePath);
        using var forbidden = await browser.GetAsync(users.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Admins only", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await jobs.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-nav-users", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-nav-hangfire", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_users_and_hangfire_links()
    {
        var browser = await SignedInBrowserAsync(StandInAccountsApi.AdminKey);

        using var jobs = await browser.GetAsync("/jobs");

        var html = await jobs.Content.ReadAsStringAsync();
        Assert.Contains("data-nav-users", html, StringComparison.Ordinal);
        Assert.Contains("data-nav-hangfire", html, StringComparison.Ordinal);
        Assert.Contains("root", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TrainingService.Session=forged")]
    [InlineData("TrainingService.Session=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TrainingService.Session=")]
    public async Task A_forged_session_cookie_is_no_session(string cookie)
    {
        using var response = await GetWithCookieAsync(Dashboard, "/jobs", cookie);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(Api.AuthorizationsOf("/api/jobs"));
    }

    [Fact]
    public async Task A_restarted_dashboard_reading_the_same_key_ring_keeps_the_session()
    {
        var session = await Dashboard.SessionCookieAsync(StandInAccountsApi.MemberKey);
        await using var restarted = new DashboardFactory(Api.Address, Dashboard.KeyRing);
        await using var otherKeyRing = new DashboardFactory(Api.Address);

        using var kept = await GetWithCookieAsync(restarted, "/jobs", session);
        using var unreadable = await GetWithCookieAsync(otherKeyRing, "/jobs", session);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unreadable.StatusCode);
        Assert.NotEmpty(Directory.GetFiles(Dashboard.KeyRing, "key-*.xml"));
        Directory.Delete(otherKeyRing.KeyRing, recursive: true);
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(DashboardFactory dashboard, string page, string cookie)
    {
        var client = dashboard.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
