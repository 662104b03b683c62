using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingService.EndToEnd.Tests.Accounts;
using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// The experiment workflow from the dashboard alone, on the real service (Api, Worker and dashboard processes, PostgreSQL,
/// Hangfire, TorchSharp) in Chromium: a member starts a job from the New job page, sweeps from it, compares two trials
/// and deletes the first job, and nothing of that job is left in the Api or on disk.
/// </summary>
public sealed class ExperimentWorkflowInBrowserTests : IAsyncLifetime
{
    private static readonly float Patience = (float)TimeSpan.FromSeconds(30).TotalMilliseconds;
    private static readonly float TrainingPatience = (float)TimeSpan.FromMinutes(3).TotalMilliseconds;

    private DashboardStack? _stack;

    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled) return;
        _stack = await DashboardStack.StartAsync("e2e-workflow-");
    }

    [SkippableFact]
    public async Task A_member_starts_a_job_sweeps_from_it_compares_two_trials_and_deletes_the_job_from_the_dashboard_alone()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, $"{HeadlessChromium.ExecutablePath} is not installed");
        var ada = await TestAccounts.CreateUserAsync(_stack!.Database.ConnectionString, "ada");
        var page = await _stack!.Browser.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations.Add(message.Text);
        };
        await page.GotoAsync(new Uri(_stack!.WebAddress, $"signin#key={ada.Key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { Timeout = Patience });

        var jobId = await StartAJobFromTheFormAsync(page);
        await Assertions.Expect(page.Locator(".page-header [data-status], [data-status]").First)
            .ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = TrainingPatience });
        await ScreenshotAsync(page, "workflow-job");

        var trials = await SweepFromTheJobAsync(page);
        await CompareAsync(page, trials);
        await DeleteAsync(page, jobId, ada.Key.Secret);

        Assert.Empty(cspViolations);
    }

    private async Task<Guid> StartAJobFromTheFormAsync(IPage page)
    {
        await page.ClickAsync("[data-nav-new-job]");
        await Assertions.Expect(page.Locator("[data-network-summary]")).ToHaveAttributeAsync("data-state", "valid", new() { Timeout = Patience });
        await page.FillAsync("[data-field='name'] input", "lenet5 from the form");
        await page.FillAsync("[data-field='dataset.trainLimit'] input", "256");
        await page.FillAsync("[data-field='dataset.validationLimit'] input", "128");
        await page.FillAsync("[data-field='dataset.testLimit'] input", "128");
        await page.FillAsync("[data-field='hyperparameters.epochs'] input", "2");
        await Assertions.Expect(page.Locator("[data-spec-json]")).ToContainTextAsync("\"trainLimit\": 256", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-network-summary]")).ToHaveAttributeAsync("data-state", "valid", new() { Timeout = Patience });
        await ScreenshotAsync(page, "workflow-new-job");
        await page.ClickAsync("[data-action=submit]");

        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("lenet5 from the form", new() { Timeout = Patience });
        return Guid.Parse(new Uri(page.Url).Segments[^1]);
    }

    private static async Task<IReadOnlyList<string>> SweepFromTheJobAsync(IPage page)
    {
        await page.ClickAsync("[data-action=sweep-from-job]");
        await Assertions.Expect(page.Locator("[data-sweep-form]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await FillUntilAsync(page, "tr[data-row='hyperparameters.learningRate'] [data-field=values]", "0.0001, 0.05",
            page.Locator("[data-grid-size]"), "2 trials");
        await page.FillAsync("[data-field=name]", "lr from the dashboard");
        await page.CheckAsync("[data-field=asha]");
        await page.FillAsync("[data-field=reductionFactor]", "2");
        await ScreenshotAsync(page, "workflow-new-sweep");
        await page.ClickAsync("[data-action=submit]");

        await page.WaitForURLAsync(new Regex("/sweeps/[0-9a-f-]{36}$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-sweep-status]").First).ToHaveAttributeAsync("data-sweep-status", "Completed", new() { Timeout = TrainingPatience });
        var rows = page.Locator("[data-leaderboard] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-plot] svg.main-svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-best-curves] svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await ScreenshotAsync(page, "workflow-sweep");
        var selects = page.Locator("[data-leaderboard] [data-select]");
        var ids = new List<string>();
        for (var i = 0; i < await selects.CountAsync(); i++)
        {
            ids.Add((await selects.Nth(i).GetAttributeAsync("data-select"))!);
            await selects.Nth(i).CheckAsync();
        }
        return ids;
    }

    private static async Task CompareAsync(IPage page, IReadOnlyList<string> trials)
    {
        await page.Locator("a[data-action=compare]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/compare\\?jobs="), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-final-metrics] [data-compare-job]")).ToHaveCountAsync(2, new() { Timeout = Patience });
        foreach (var trial in trials)
        {
            await Assertions.Expect(page.Locator($"[data-final-metrics] [data-compare-job='{trial}']")).ToHaveCountAsync(1);
        }
        await Assertions.Expect(page.Locator("[data-spec-path='hyperparameters.learningRate']")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-network-sizes] [data-metric=parameters]").First).ToHaveTextAsync("61,706", new() { Timeout = Patience });
        await ScreenshotAsync(page, "workflow-compare");
    }

    private async Task DeleteAsync(IPage page, Guid jobId, string key)
    {
        await page.GotoAsync(new Uri(_stack!.WebAddress, $"jobs/{jobId}").AbsoluteUri);
        await Assertions.Expect(page.Locator(".page-header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "Live", new() { Timeout = Patience });
        Assert.NotEmpty(FilesOf(jobId));
        await page.ClickAsync($"[data-delete-job='{jobId}']");
        var dialog = page.Locator($"[data-delete-dialog='{jobId}']");
        await Assertions.Expect(dialog).ToContainTextAsync("lenet5 from the form", new() { Timeout = Patience });
        await ScreenshotAsync(page, "workflow-delete");
        await dialog.Locator("[data-action=confirm-delete]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("Deleted job", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator($"[data-job-id='{jobId}']")).ToHaveCountAsync(0);
        using var api = SignedInApi.Client(_stack!.ApiAddress, key);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/jobs/{jobId}")).StatusCode);
        Assert.Empty(FilesOf(jobId));
    }

    private IEnumerable<string> FilesOf(Guid jobId) =>
        Directory.EnumerateFileSystemEntries(_stack!.Checkpoints.FullName, "*", SearchOption.AllDirectories)
            .Where(path => path.Contains(jobId.ToString("N"), StringComparison.OrdinalIgnoreCase) || path.Contains(jobId.ToString(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Fills a field until the page shows what the value implies. The page is prerendered and then made interactive,
    /// which builds the form from the source job a second time; a value typed in between is replaced by the job's, so
    /// on a loaded machine one fill can land before the circuit takes over.
    /// </summary>
    private static async Task FillUntilAsync(IPage page, string field, string value, ILocator shows, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Patience);
        while (true)
        {
            await page.FillAsync(field, value);
            try
            {
                await Assertions.Expect(shows).ToContainTextAsync(text, new() { Timeout = 3000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}
