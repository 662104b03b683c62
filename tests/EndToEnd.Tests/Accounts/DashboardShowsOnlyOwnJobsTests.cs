using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Accounts;

/// <summary>
/// The real Api and the real dashboard (no Worker: queued jobs are enough) in Chromium: a member signs in with the
/// one-click URL and sees their own jobs only.
/// </summary>
public sealed class DashboardShowsOnlyOwnJobsTests : IAsyncLifetime
{
    private static readonly float Patience = (float)TimeSpan.FromSeconds(20).TotalMilliseconds;

    private TestDatabase? _database;
    private ServiceProcess? _api;
    private ServiceProcess? _web;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _apiAddress = null!;
    private Uri _webAddress = null!;

    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled) return;
        _database = await TestDatabase.CreateAsync();
        _apiAddress = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/");
        _webAddress = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/");
        _api = ServiceProcess.Start("Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = _database.ConnectionString,
            ["StorageOptions__CheckpointRoot"] = Directory.CreateTempSubdirectory("e2e-own-jobs-").FullName,
            ["StorageOptions__DatasetRoot"] = RepositoryPaths.DatasetRoot,
        }, "--urls", _apiAddress.AbsoluteUri);
        await _api.WaitUntilHealthyAsync(new Uri(_apiAddress, "health"), TimeSpan.FromSeconds(60));
        _web = ServiceProcess.Start("Web", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = _webAddress.AbsoluteUri,
            ["ApiOptions__BaseUrl"] = _apiAddress.AbsoluteUri,
            ["ApiOptions__PublicUrl"] = _apiAddress.AbsoluteUri,
        });
        await _web.WaitUntilHealthyAsync(new Uri(_webAddress, "favicon.ico"), TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    [SkippableFact]
    public async Task A_member_signed_in_by_url_sees_their_own_job_and_not_another_members_even_by_its_url()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, $"{HeadlessChromium.ExecutablePath} is not installed");
        var alice = await TestAccounts.CreateUserAsync(_database!.ConnectionString, "alice");
        var bob = await TestAccounts.CreateUserAsync(_database.ConnectionString, "bob");
        var alicesJob = await SubmitAsync(alice.Key.Secret, "alice's job");
        var bobsJob = await SubmitAsync(bob.Key.Secret, "bob's job");
        var page = await _browser!.NewPageAsync();

        await page.GotoAsync(new Uri(_webAddress, $"signin#key={alice.Key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { Timeout = Patience });
        await page.GotoAsync(_webAddress.AbsoluteUri);

        await Assertions.Expect(page.Locator($"[data-job-id='{alicesJob}']")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("bob's job");

        await page.GotoAsync(new Uri(_webAddress, $"jobs/{bobsJob}").AbsoluteUri);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job not found", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("bob's job");
    }

    private async Task<Guid> SubmitAsync(string key, string name)
    {
        using var http = SignedInApi.Client(_apiAddress, key);
        var response = await http.PostAsJsonAsync("/api/jobs", JsonNode.Parse($$$"""
            {"name": "{{{name}}}", "model": {"name": "lenet5"}, "dataset": {"name": "mnist", "trainLimit": 64, "validationLimit": 64, "testLimit": 64},
             "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd"}}
            """));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_web is not null) await _web.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
