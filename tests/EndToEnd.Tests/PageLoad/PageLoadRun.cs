using System.Diagnostics;
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
        page.SetDefaultTimeout(Patience);
        await page.GotoAsync(new Uri(web, $"signin#key={member.Key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal));

        var list = new Uri(web, "jobs").AbsoluteUri;
        var jobPage = new Uri(web, $"jobs/{longJob}").AbsoluteUri;
        var listTimes = new List<PageLoadTime>();
        var jobPageTimes = new List<PageLoadTime>();
        for (var i = 0; i < warmUpLoads + loads; i++)
        {
            var listed = await TimeAsync(page, list, async () => await page.Locator("tr[data-job-id]").First.WaitForAsync());
            var shown = await TimeAsync(page, jobPage, async () =>
            {
                await page.Locator($".epochs-table tr[data-epoch=\"{longEpochs}\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.Locator("section[data-chart] svg").First.WaitForAsync();
                await page.Locator("section.step-chart svg").First.WaitForAsync();
            });
            if (i < warmUpLoads) continue;
            listTimes.Add(listed);
            jobPageTimes.Add(shown);
        }
        var rows = await page.Locator(".epochs-table tr[data-epoch]").CountAsync();
        return new PageLoadTimes(listTimes, jobPageTimes, rows);
    }

    private static async Task<PageLoadTime> TimeAsync(IPage page, string url, Func<Task> shown)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url);
        var loaded = clock.Elapsed.TotalMilliseconds;
        await shown();
        return new PageLoadTime(loaded, clock.Elapsed.TotalMilliseconds);
    }
}
