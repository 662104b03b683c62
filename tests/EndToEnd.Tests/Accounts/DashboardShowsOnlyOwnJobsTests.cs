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

    private DashboardStack? _stack;

    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled) return;
        _stack = await DashboardStack.StartAsync("e2e-own-jobs-", withWorker: false);
    }

    [SkippableFact]
    public async Task A_member_signed_in_by_url_sees_their_own_job_and_not_another_members_even_by_its_url()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, $"{HeadlessChromium.ExecutablePath} is not installed");
        var stack = _stack!;
        var alice = await TestAccounts.CreateUserAsync(stack.Database.ConnectionString, "alice");
        var bob = await TestAccounts.CreateUserAsync(stack.Database.ConnectionString, "bob");
        var alicesJob = await SubmitAsync(alice.Key.Secret, "alice's job");
        var bobsJob = await SubmitAsync(bob.Key.Secret, "bob's job");
        var page = await stack.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(stack.WebAddress, $"signin#key={alice.Key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { Timeout = Patience });
        await page.GotoAsync(stack.WebAddress.AbsoluteUri);

        await Assertions.Expect(page.Locator($"[data-job-id='{alicesJob}']")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("bob's job");

        await page.GotoAsync(new Uri(stack.WebAddress, $"jobs/{bobsJob}").AbsoluteUri);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job not found", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("bob's job");
    }

    private async Task<Guid> SubmitAsync(string key, string name)
    {
        using var http = SignedInApi.Client(_stack!.ApiAddress, key);
        var response = await http.PostAsJsonAsync("/api/jobs", JsonNode.Parse($$$"""
            {"name": "{{{name}}}", "model": {"name": "lenet5"}, "dataset": {"name": "mnist", "trainLimit": 64, "validationLimit": 64, "testLimit": 64},
             "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd"}}
            """));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}
