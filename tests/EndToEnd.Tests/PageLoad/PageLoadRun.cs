using System.Text.Json;
using Microsoft.Playwright;
using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.Faults.Harness;
using TrainingService.JobListBenchmark.Seeding;

namespace TrainingService.PageLoad;

/// <summary>
/// The dashboard's two busiest pages as a person opens them, on the real service: a database of its own on
/// <paramref name="cluster"/> seeded with a library of jobs (<see cref="JobLibrarySeeder"/>) and one long running job
/// (<see cref="LongJobSeeder"/>), the built Api and Web processes (no Worker: nothing needs to train), and a signed-in
/// headless Chromium that loads the jobs list and the long job's page again and again. Each load is timed from the
/// navigation's start to the moment the page shows its data: the list's rows, or the job's last epoch row and both
/// charts. That includes the Blazor prerender, the circuit's start and the page's reads through the Api.
/// </summary>
public sealed class PageLoadRun(PostgresCluster cluster, string folder, string datasetRoot)
{
    private static readonly float Patience = (float)TimeSpan.FromSeconds(60).TotalMilliseconds;
    private const int StepsPerEpoch = 200;

    public async Task<PageLoadTimes> RunAsync(int jobs, int longEpochs, int loads, int warmUpLoads)
    {
        var connectionString = await cluster.CreateDatabaseAsync($"pages_{Guid.NewGuid():N}"[..30]);
        var contexts = new SeedingContexts(connectionString);
        var (_, member) = await JobLibrarySeeder.SeedAsync(contexts, jobs, TextWriter.Null);
        var longJob = await LongJobSeeder.SeedAsync(contexts, member, longEpochs, StepsPerEpoch);

        var logs = Path.Combine(folder, "logs");
        var checkpoints = Path.Combine(folder, "checkpoints");
        Directory.CreateDirectory(checkpoints);
        var api = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/");
        var web = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/");
        await using var apiProcess = ServiceProcess.Start("Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = connectionString,
            ["StorageOptions__CheckpointRoot"] = checkpoints,
            ["StorageOptions__DatasetRoot"] = datasetRoot,
        }, Path.Combine(logs, "api.log"), "--urls", api.AbsoluteUri);
        await apiProcess.WaitUntilAnsweringAsync(new Uri(api, "health"));
        await using var webProcess = await ServiceProcess.StartWebAsync(web, api, Path.Combine(logs, "web.log"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync(ShownWatcher);
        page.SetDefaultTimeout(Patience);
        await page.GotoAsync(new Uri(web, $"signin#key={member.Key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal));

        var list = new Uri(web, "jobs").AbsoluteUri;
        var jobPage = new Uri(web, $"jobs/{longJob}").AbsoluteUri;
        var listTimes = new List<PageLoadTime>();
        var jobPageTimes = new List<PageLoadTime>();
        var epochRow = $".epochs-table tr[data-epoch=\"{longEpochs}\"]";
        for (var i = 0; i < warmUpLoads + loads; i++)
        {
            var listed = await TimeAsync(page, list, "tr[data-job-id]");
            var shown = await TimeAsync(page, jobPage, epochRow, "section[data-chart] svg", "section.step-chart svg");
            if (i < warmUpLoads) continue;
            listTimes.Add(listed);
            jobPageTimes.Add(shown);
        }
        var rows = await page.Locator(".epochs-table tr[data-epoch]").CountAsync();
        return new PageLoadTimes(listTimes, jobPageTimes, rows);
    }

    /// <summary>
    /// Runs in every document before its own scripts: a mutation observer notes, on the browser's own clock
    /// (<c>performance.now()</c> from the navigation's start), the last moment the selectors the previous document left
    /// in the tab's session storage went from not all matching to all matching. A page that showed its data
    /// prerendered, lost it when its circuit started and showed it again is timed to the second showing, which stays;
    /// the times the first selector's element went away once shown are counted.
    /// </summary>
    private const string ShownWatcher = """
        (() => {
          const watch = { selectors: JSON.parse(sessionStorage.getItem('shown-selectors') || '[]'), at: null, matched: false, first: false, firstAt: null, lost: 0 };
          window.__shown = watch;
          const check = () => {
            if (watch.selectors.length === 0) return;
            const first = document.querySelector(watch.selectors[0]) !== null;
            if (watch.first && !first) watch.lost++;
            if (first && !watch.first) watch.firstAt = performance.now();
            watch.first = first;
            const matched = watch.selectors.every(s => document.querySelector(s) !== null);
            if (matched && !watch.matched) watch.at = performance.now();
            watch.matched = matched;
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true });
        })();
        """;

    /// <summary>One load's times as the page reports them (<see cref="ShownWatcher"/> and the browser's timeline).</summary>
    private sealed record BrowserTiming(double FirstByte, double FirstPaint, double Loaded, double FirstShown, double AllShown, int Lost);

    /// <summary>Navigates, then waits until every selector matches, and reads the load's times from the browser.</summary>
    private static async Task<PageLoadTime> TimeAsync(IPage page, string url, params string[] selectors)
    {
        await page.EvaluateAsync("selectors => sessionStorage.setItem('shown-selectors', JSON.stringify(selectors))", selectors);
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.__shown.matched");
        // Once the circuit is up and the page has rendered live, so that a render taking the data away again after the
        // prerender is seen, and the time is of the showing that stays.
        await page.Locator("[data-live-state]:not([data-live-state=\"Connecting\"])").WaitForAsync();
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 50)))");
        await page.WaitForFunctionAsync("() => window.__shown.matched");
        var timing = JsonSerializer.Deserialize<BrowserTiming>(await page.EvaluateAsync<string>("""
            () => {
              const navigation = performance.getEntriesByType('navigation')[0];
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              const watch = window.__shown;
              return JSON.stringify({ firstByte: navigation.responseStart, firstPaint: paint ? paint.startTime : 0,
                loaded: navigation.loadEventEnd, firstShown: watch.firstAt, allShown: watch.at, lost: watch.lost });
            }
            """), JsonSerializerOptions.Web)!;
        // Data in the document before the first paint is on screen at the first paint.
        return new PageLoadTime(timing.FirstByte, timing.FirstPaint, Math.Max(timing.FirstPaint, timing.FirstShown), timing.Loaded,
            Math.Max(timing.FirstPaint, timing.AllShown), timing.Lost);
    }
}
