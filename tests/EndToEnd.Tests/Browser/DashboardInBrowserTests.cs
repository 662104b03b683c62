using System.Net;
using Microsoft.Playwright;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// The real dashboard process in Debian's Chromium, against a stand-in Api: the states a hostile tester found wrong
/// (an endless spinner, a false "no jobs", a green dot while the Api is degraded, a missing favicon) as a person sees them.
/// </summary>
public sealed class DashboardInBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly float Patience = (float)TimeSpan.FromSeconds(15).TotalMilliseconds;

    private StandInApi api = null!;
    private ServiceProcess? web;
    private Uri webAddress = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        api = await StandInApi.StartAsync();
        var port = ServiceProcess.FreePort();
        webAddress = new Uri($"http://127.0.0.1:{port}/");
        web = ServiceProcess.Start("Web", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = webAddress.AbsoluteUri,
            ["ApiOptions__BaseUrl"] = api.Address.AbsoluteUri,
            ["ApiOptions__ReadinessPollInterval"] = "00:00:01",
        });
        await web.WaitUntilHealthyAsync(new Uri(webAddress, "favicon.ico"), TimeSpan.FromSeconds(60));
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    [SkippableFact]
    public async Task An_unknown_job_id_shows_job_not_found_within_seconds()
    {
        var page = await OpenAsync();
        var unknown = Guid.NewGuid();

        await page.GotoAsync(new Uri(webAddress, $"jobs/{unknown}").AbsoluteUri);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job not found", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(unknown.ToString());
        await page.WaitForTimeoutAsync(3000);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job not found");
    }

    [SkippableFact]
    public async Task A_malformed_job_id_shows_job_not_found()
    {
        var page = await OpenAsync();

        await page.GotoAsync(new Uri(webAddress, "jobs/not-a-guid").AbsoluteUri);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job not found", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-job-not-found]")).ToContainTextAsync("not-a-guid is not a job id");
    }

    [SkippableFact]
    public async Task A_page_past_the_end_says_so_while_jobs_exist()
    {
        api.JobCount = 217;
        var page = await OpenAsync();

        await page.GotoAsync(new Uri(webAddress, "?page=99999").AbsoluteUri);

        var message = page.Locator("[data-past-the-end]");
        await Assertions.Expect(message).ToContainTextAsync("Page 99999 is past the last page", new() { Timeout = Patience });
        await Assertions.Expect(message).ToContainTextAsync("217 jobs on 11 pages");
        await Assertions.Expect(page.Locator("text=No training jobs yet")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task A_page_that_is_not_a_number_shows_the_first_page_and_says_why()
    {
        api.JobCount = 3;
        var page = await OpenAsync();

        await page.GotoAsync(new Uri(webAddress, "?page=abc").AbsoluteUri);

        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-page-correction]")).ToContainTextAsync("not a page number");
    }

    [SkippableFact]
    public async Task The_live_dot_is_green_only_while_the_api_is_ready()
    {
        api.JobCount = 1;
        var page = await OpenAsync();
        var live = page.Locator(".page-header [data-live-state]");
        await page.GotoAsync(webAddress.AbsoluteUri);
        await Assertions.Expect(live).ToHaveAttributeAsync("data-live-state", "Live", new() { Timeout = Patience });

        api.Readiness = (HttpStatusCode.OK, StandInApi.ReadinessBody("Degraded", "Healthy", "Degraded"));
        await Assertions.Expect(live).ToHaveAttributeAsync("data-live-state", "Degraded", new() { Timeout = Patience });
        await Assertions.Expect(live).ToContainTextAsync("No worker online");
        await Assertions.Expect(live).ToHaveAttributeAsync("title", "No worker is online; jobs wait in Queued until one starts.");

        api.Readiness = (HttpStatusCode.ServiceUnavailable, StandInApi.ReadinessBody("Unhealthy", "Unhealthy", "Degraded"));
        await Assertions.Expect(live).ToContainTextAsync("Database unavailable", new() { Timeout = Patience });
        var color = await live.EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.NotEqual("rgb(21, 128, 61)", color);
    }

    [SkippableFact]
    public async Task The_favicon_is_served_and_linked()
    {
        var page = await OpenAsync();

        var icon = await page.APIRequest.GetAsync(new Uri(webAddress, "favicon.ico").AbsoluteUri);
        await page.GotoAsync(new Uri(webAddress, "jobs/not-a-guid").AbsoluteUri);

        Assert.Equal(200, icon.Status);
        Assert.Equal("image/x-icon", icon.Headers["content-type"]);
        await Assertions.Expect(page.Locator("link[rel=icon]")).ToHaveCountAsync(2);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (web is not null) await web.DisposeAsync();
        if (api is not null) await api.DisposeAsync();
    }

    private async Task<IPage> OpenAsync()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing; scripts/provision-chromium.sh installs Debian's Chromium.");
        var page = await browser!.NewPageAsync();
        page.Console += (_, message) => Console.WriteLine($"browser: {message.Text}");
        return page;
    }
}
