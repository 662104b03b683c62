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
