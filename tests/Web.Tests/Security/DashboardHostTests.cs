using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Security;

/// <summary>A fresh stand-in Api and dashboard host per test, so one test's sign-ins and revocations touch no other.</summary>
public abstract class DashboardHostTests : IAsyncLifetime
{
    protected StandInAccountsApi Api { get; private set; } = null!;

    protected DashboardFactory Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await StandInAccountsApi.StartAsync();
        Dashboard = new DashboardFactory(Api.Address);
    }

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(Dashboard.KeyRing, recursive: true);
    }

    /// <summary>A browser with a session for <paramref name="key"/>.</summary>
    protected async Task<HttpClient> SignedInBrowserAsync(string key = StandInAccountsApi.MemberKey)
    {
        var browser = Dashboard.Browser();
        using var response = await DashboardFactory.SignInAsync(browser, key);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}
