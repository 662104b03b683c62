using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// The real dashboard process in Debian's Chromium, against a stand-in Api: the states a hostile tester found wrong
/// (an endless spinner, a false "no jobs", a green dot while the Api is degraded, a missing favicon) as a person sees them,
/// and the sign-in: a one-click link whose key stays in the fragment, the redirect without a session, sign-out, and
/// pages that run under the Content-Security-Policy without a single violation.
/// </summary>
public sealed class DashboardInBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly float Patience = (float)TimeSpan.FromSeconds(15).TotalMilliseconds;

    private readonly System.Collections.Concurrent.ConcurrentBag<string> cspConsole = [];
    private StandInApi api = null!;
    private ServiceProcess? web;
    private Uri webAddress = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string keyRing = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        api = await StandInApi.StartAsync();
        var port = ServiceProcess.FreePort();
        keyRing = Directory.CreateTempSubdirectory("web-browser-keyring-").FullName;
        webAddress = new Uri($"http://127.0.0.1:{port}/");
        web = ServiceProcess.Start("Web", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = webAddress.AbsoluteUri,
            ["ApiOptions__BaseUrl"] = api.Address.AbsoluteUri,
            ["ApiOptions__ReadinessPollInterval"] = "00:00:01",
            ["WebSecurity__KeyRing"] = keyRing,
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

    [SkippableFact]
    public async Task The_one_click_link_signs_in_lands_on_the_jobs_and_leaves_no_key_in_the_address_or_the_log()
    {
        api.JobCount = 2;
        var page = await OpenAsync(signedIn: false);

        await page.GotoAsync(new Uri(webAddress, $"signin#key={StandInApi.AdminKey}").AbsoluteUri);

        await page.WaitForURLAsync(new Regex("/jobs$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(2, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-session-user]")).ToHaveTextAsync("root");
        Assert.DoesNotContain(StandInApi.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.Equal("", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.DoesNotContain(StandInApi.AdminKey, web!.Output, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".page-header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "Live", new() { Timeout = Patience });
        Assert.Contains(StandInApi.AdminKey, api.HubKeys);
    }

    [SkippableFact]
    public async Task A_visit_without_a_session_is_sent_to_the_sign_in_page()
    {
        var page = await OpenAsync(signedIn: false);

        await page.GotoAsync(new Uri(webAddress, "workers").AbsoluteUri);

        Assert.EndsWith("/signin?returnUrl=%2Fworkers", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("form[data-signin-form] input[name='Input.Key']")).ToBeVisibleAsync();
        await AssertNoCspViolationAsync(page, "the sign-in page");
    }

    [SkippableFact]
    public async Task A_key_typed_into_the_form_signs_in_and_a_wrong_one_is_told_so()
    {
        var page = await OpenAsync(signedIn: false);
        await page.GotoAsync(new Uri(webAddress, "signin?returnUrl=%2Fkeys").AbsoluteUri);

        await page.FillAsync("input[name='Input.Key']", "tsk_wrongwrongwrongwrongwrongwrongwrongwrongw");
        await page.ClickAsync("form[data-signin-form] button[type=submit]");
        await Assertions.Expect(page.Locator("[data-signin-error]")).ToContainTextAsync("not valid", new() { Timeout = Patience });
        await page.FillAsync("input[name='Input.Key']", StandInApi.AdminKey);
        await page.ClickAsync("form[data-signin-form] button[type=submit]");

        await page.WaitForURLAsync(new Regex("/keys$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-key-id] [data-this-session]")).ToHaveCountAsync(1, new() { Timeout = Patience });
    }

    [SkippableFact]
    public async Task Sign_out_ends_the_session()
    {
        api.JobCount = 1;
        var page = await OpenAsync();

        await page.ClickAsync("form[data-signout-form] button");
        await page.WaitForURLAsync(new Regex("/signin$"), new() { Timeout = Patience });
        await page.GotoAsync(new Uri(webAddress, "jobs").AbsoluteUri);

        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_jobs_job_keys_users_and_workers_pages_run_with_no_content_security_policy_violation()
    {
        api.JobCount = 3;
        var page = await OpenAsync();
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-owner]").First).ToHaveTextAsync("root");
        await AssertNoCspViolationAsync(page, "the jobs page");

        await page.GotoAsync(new Uri(webAddress, $"jobs/{StandInApi.KnownJob}").AbsoluteUri);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("lenet5-mnist", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator(".charts svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator(".page-header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "Live", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-checkpoint=best] a.download")).ToHaveAttributeAsync("href", $"downloads/jobs/{StandInApi.KnownJob}/checkpoints/best");
        await page.WaitForTimeoutAsync(1000);
        await ScreenshotAsync(page, "job");
        await AssertNoCspViolationAsync(page, "the job page");

        foreach (var (path, ready) in new[] { ("keys", "[data-key-id]"), ("users", "[data-user-id]"), ("workers", "h1") })
        {
            await page.GotoAsync(new Uri(webAddress, path).AbsoluteUri);
            await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync(new() { Timeout = Patience });
            await AssertNoCspViolationAsync(page, $"/{path}");
        }

        Assert.Empty(cspConsole);
    }

    [SkippableFact]
    public async Task The_chart_theme_is_linked_by_the_pages_with_charts_and_styles_them_and_the_jobs_list_loads_without_it()
    {
        api.JobCount = 3;
        var page = await OpenAsync();
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("link[href*='Radzen.Blazor/css/']")).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(webAddress, $"jobs/{StandInApi.KnownJob}").AbsoluteUri);
        await Assertions.Expect(page.Locator(".charts .rz-legend").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("link[href*='Radzen.Blazor/css/']")).ToHaveCountAsync(1);
        // The theme's own rule for a chart's legend: without the theme the legend would sit in the flow below the chart.
        Assert.Equal("absolute", await page.Locator(".charts .rz-legend").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));

        // Back to the list inside the circuit: the theme leaves with the charts.
        await page.Locator("a[href='jobs']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("link[href*='Radzen.Blazor/css/']")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task A_new_job_shows_the_apis_problem_next_to_its_field_and_submits_once_it_is_fixed()
    {
        var page = await OpenAsync();
        await page.ClickAsync("[data-nav-new-job]");
        await Assertions.Expect(page.Locator("[data-network-summary]")).ToHaveAttributeAsync("data-state", "valid", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-parameters]")).ToHaveTextAsync("61,706");
        var rate = page.Locator("[data-field='hyperparameters.learningRate']");

        await page.FillAsync("[data-field='name'] input", "from the browser");
        await rate.Locator("input").FillAsync("50");
        await Assertions.Expect(rate.Locator("[data-field-error]")).ToHaveTextAsync("must be greater than 0 and at most 10.", new() { Timeout = Patience });
        await Assertions.Expect(rate.Locator("input")).ToHaveAttributeAsync("aria-invalid", "true");
        await rate.Locator("input").FillAsync("0.1");
        await Assertions.Expect(rate.Locator("[data-field-error]")).ToHaveCountAsync(0, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-network-summary]")).ToHaveAttributeAsync("data-state", "valid", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-spec-json]")).ToContainTextAsync("\"learningRate\": 0.1");
        await page.ClickAsync("[data-action=copy-curl]");
        await Assertions.Expect(page.Locator("[data-copy-note]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.ClickAsync("[data-action=submit]");

        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("from the browser", new() { Timeout = Patience });
        var sent = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(api.Submissions))!;
        Assert.Equal(0.1, (double)sent["hyperparameters"]!["learningRate"]!);
        Assert.Equal("from the browser", (string?)sent["name"]);
        await AssertNoCspViolationAsync(page, "the new job page and the job it opened");
        Assert.Empty(cspConsole);
    }

    [SkippableFact]
    public async Task Filtering_the_list_comparing_two_jobs_and_deleting_one_with_confirmation()
    {
        var baseline = api.Library.Add("baseline-lenet", "Succeeded", 0.05, "baseline");
        var tuned = api.Library.Add("tuned-lenet", "Succeeded", 0.01, "baseline", "tuned");
        api.Library.Add("running-lenet", "Running", 0.1);
        var page = await OpenAsync();
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-storage-checkpoints]")).ToHaveTextAsync("3.0 MiB in 6 files");
        await WaitUntilInteractiveAsync(page);

        await page.Locator("[data-status-filter=Succeeded]").CheckAsync();

        await page.WaitForURLAsync(new Regex("status=Succeeded"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(2, new() { Timeout = Patience });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(2, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-status-filter=Succeeded]")).ToBeCheckedAsync();
        await WaitUntilInteractiveAsync(page);
        await ScreenshotAsync(page, "jobs-filtered");

        await page.Locator($"[data-select-job='{baseline}']").CheckAsync();
        await page.Locator($"[data-select-job='{tuned}']").CheckAsync();
        await page.Locator("a[data-action=compare-selected]").ClickAsync();

        await page.WaitForURLAsync(new Regex($"compare\\?jobs={baseline},{tuned}$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-final-metrics] [data-compare-job]")).ToHaveCountAsync(2, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-compare-chart=Loss] svg .rz-line-series")).ToHaveCountAsync(4, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-spec-path='hyperparameters.learningRate']")).ToContainTextAsync("0.01");
        await Assertions.Expect(page.Locator("[data-network-sizes] [data-metric=parameters]").First).ToHaveTextAsync("61,706");
        await Assertions.Expect(page.Locator("[data-confusion-difference] [data-cell='0,0']")).ToHaveTextAsync("+1");
        await page.WaitForTimeoutAsync(500);
        await AssertNoCspViolationAsync(page, "the compare page");
        await Assertions.Expect(page.Locator("[data-compare-chart=Steps] .rz-category-axis .rz-tick-text").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "compare");

        await page.GotoAsync(new Uri(webAddress, "jobs?status=Succeeded").AbsoluteUri);
        await WaitUntilInteractiveAsync(page);
        await page.Locator($"[data-delete-job='{baseline}']").ClickAsync();
        var dialog = page.Locator($"[data-delete-dialog='{baseline}']");
        await Assertions.Expect(dialog).ToContainTextAsync("Delete “baseline-lenet”?", new() { Timeout = Patience });
        await Assertions.Expect(dialog.Locator("[data-delete-what]")).ToContainTextAsync("its 1 checkpoint (best; 1.5 MiB)");
        await ScreenshotAsync(page, "delete-confirmation");
        Assert.Contains("baseline-lenet", api.Library.Names);
        await dialog.Locator("[data-action=confirm-delete]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Deleted job “baseline-lenet” and its checkpoints (1.5 MiB).", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-job-id]")).ToHaveCountAsync(1);
        Assert.DoesNotContain("baseline-lenet", api.Library.Names);
        Assert.Empty(cspConsole);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (web is not null) await web.DisposeAsync();
        if (api is not null) await api.DisposeAsync();
        if (keyRing is not null) Directory.Delete(keyRing, recursive: true);
    }

    /// <summary>A fresh browser context (no cookies), signed in through the one-click link unless asked not to be.</summary>
    private async Task<IPage> OpenAsync(bool signedIn = true)
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing; scripts/provision-chromium.sh installs Debian's Chromium.");
        var page = await browser!.NewPageAsync();
        page.Console += (_, message) =>
        {
            Console.WriteLine($"browser: {message.Text}");
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) cspConsole.Add(message.Text);
        };
        // Init scripts come from the driver, not the page, so the policy under test does not block this listener.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
            """);
        if (signedIn)
        {
            await page.GotoAsync(new Uri(webAddress, $"signin#key={StandInApi.AdminKey}").AbsoluteUri);
            await page.WaitForURLAsync(new Regex("/jobs$"), new() { Timeout = Patience });
        }

        return page;
    }

    // The list is prerendered with its rows; clicks do something only once the circuit is up, which the live dot shows.
    [SkippableFact]
    public async Task A_sweep_made_through_the_form_lands_on_its_page_with_the_leaderboard_and_the_plot_and_no_csp_violation()
    {
        var page = await OpenAsync();
        await page.ClickAsync("[data-nav-sweeps]");
        await Assertions.Expect(page.Locator($"[data-sweep-id='{StandInSweeps.KnownSweep}']")).ToContainTextAsync("lenet5 lr sweep", new() { Timeout = Patience });
        await AssertNoCspViolationAsync(page, "the sweeps list");

        await page.ClickAsync("[data-action=new-sweep]");
        var form = page.Locator("[data-sweep-form]");
        await Assertions.Expect(form).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.FillAsync("[data-field=name]", "lr and batch");
        await page.FillAsync("tr[data-row='hyperparameters.learningRate'] [data-field=values]", "0.01, 0.1");
        await page.ClickAsync("[data-action=add-row]");
        await page.Locator("tr[data-row]").Nth(1).Locator("[data-field=path]").FillAsync("hyperparameters.batchSize");
        await page.Locator("tr[data-row]").Nth(1).Locator("[data-field=path]").PressAsync("Tab");
        // The row is keyed by its path once the server has taken it; filling the values before that can race the re-render.
        var added = page.Locator("tr[data-row='hyperparameters.batchSize']");
        await Assertions.Expect(added).ToHaveCountAsync(1, new() { Timeout = Patience });
        await added.Locator("[data-field=values]").FillAsync("32, 64, 128");
        await Assertions.Expect(page.Locator("[data-grid-size]")).ToHaveTextAsync("Grid of 2 × 3 = 6 trials.");
        await page.CheckAsync("[data-field=asha]");
        await Assertions.Expect(page.Locator("[data-field=gracePeriod]")).ToHaveValueAsync("1");
        await Assertions.Expect(page.Locator("[data-field=reductionFactor]")).ToHaveValueAsync("4");
        await Assertions.Expect(page.Locator("[data-request-json]")).ToContainTextAsync("\"earlyStopping\"");
        await AssertNoCspViolationAsync(page, "the New sweep form");

        await page.ClickAsync("[data-action=submit]");

        await page.WaitForURLAsync(new Regex($"/sweeps/{StandInSweeps.KnownSweep}$"), new() { Timeout = Patience });
        var rows = page.Locator("[data-leaderboard] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-trial", "1");
        await Assertions.Expect(page.Locator("[data-trial='2'] [data-reason]").First).ToHaveTextAsync("stopped by ASHA at rung 1");
        await Assertions.Expect(page.Locator("[data-plot] svg.main-svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-plot] .scatterlayer .trace path.js-line")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-best-curves] svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-rungs] [data-decision=stopped]")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(1000);
        await AssertNoCspViolationAsync(page, "the sweep page");
        Assert.Empty(cspConsole);

        var sent = JsonDocument.Parse(Assert.Single(api.Sweeps.Submissions)).RootElement;
        Assert.Equal("lr and batch", sent.GetProperty("name").GetString());
        Assert.Equal([32, 64, 128], sent.GetProperty("parameters").GetProperty("hyperparameters.batchSize").GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(4, sent.GetProperty("earlyStopping").GetProperty("reductionFactor").GetInt32());
        Assert.Equal("lenet5", sent.GetProperty("base").GetProperty("model").GetProperty("name").GetString());
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".page-header [data-live-state]")).ToHaveAttributeAsync("data-live-state", "Live", new() { Timeout = Patience });

    /// <summary>Saves what the person sees when <c>TEST_SCREENSHOTS</c> names a folder, for the notes of a change; otherwise nothing.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    private static async Task AssertNoCspViolationAsync(IPage page, string where)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, $"CSP violations on {where}: {string.Join("; ", violations)}");
    }
}
