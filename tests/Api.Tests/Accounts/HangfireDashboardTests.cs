using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>The Hangfire dashboard is the admins': over Basic (a browser's prompt, the key as password) or Bearer.</summary>
public sealed class HangfireDashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_credentials_the_dashboard_asks_for_basic_credentials_with_401()
    {
        var response = await api.CreateClientWithKey(null).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Hangfire\"", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    public async Task An_admin_sees_the_dashboard(string scheme)
    {
        var response = await Client(scheme, api.AdminKey).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Training jobs", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    public async Task A_member_is_refused_the_dashboard_with_403_even_from_the_local_machine(string scheme)
    {
        var member = await api.CreateUserAsync("dashboard-" + scheme.ToLowerInvariant());

        var page = await Client(scheme, member.Key.Secret).GetAsync("/hangfire");
        var stats = await Client(scheme, member.Key.Secret).PostAsync("/hangfire/stats", new FormUrlEncodedContent([new("metrics[]", "servers:count")]));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stats.StatusCode);
    }

    [Theory]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wrong")]
    public async Task A_wrong_password_gets_401_with_the_basic_challenge(string password)
    {
        var response = await Client("Basic", password).GetAsync("/hangfire/jobs/enqueued");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task A_revoked_admin_key_no_longer_opens_the_dashboard()
    {
        var admin = await api.CreateUserAsync("dashboard-revoked", UserRole.Admin);
        Assert.Equal(HttpStatusCode.OK, (await Client("Basic", admin.Key.Secret).GetAsync("/hangfire")).StatusCode);

        await api.CreateClient().DeleteAsync($"/api/keys/{admin.Key.Key.Id}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("Basic", admin.Key.Secret).GetAsync("/hangfire")).StatusCode);
    }

    private HttpClient Client(string scheme, string key)
    {
        var client = api.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = scheme == "Basic"
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + key)))
            : new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
