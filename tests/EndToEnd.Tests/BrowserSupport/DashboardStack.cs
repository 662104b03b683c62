using Microsoft.Playwright;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.BrowserSupport;

/// <summary>
/// The whole service as real processes for a browser test: a fresh database, the Api, the Worker (on the CPU; left out
/// where queued jobs are enough) and the dashboard on free ports, with a checkpoint folder of its own and headless Chromium. Disposing stops everything and
/// deletes the folder, also after a start that failed halfway.
/// </summary>
public sealed class DashboardStack : IAsyncDisposable
{
    private ServiceProcess? _api;
    private ServiceProcess? _worker;
    private ServiceProcess? _web;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private DashboardStack(TestDatabase database, DirectoryInfo checkpoints)
    {
        Database = database;
        Checkpoints = checkpoints;
    }

    public TestDatabase Database { get; }

    public DirectoryInfo Checkpoints { get; }

    public Uri ApiAddress { get; } = new($"http://127.0.0.1:{ServiceProcess.FreePort()}/");

    public Uri WebAddress { get; } = new($"http://127.0.0.1:{ServiceProcess.FreePort()}/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The stack has not started.");

    /// <param name="checkpointFolderPrefix">Names the temporary checkpoint folder after the test, for whoever finds one left behind.</param>
    /// <param name="withWorker">False for a test whose jobs only need to be stored and queued.</param>
    public static async Task<DashboardStack> StartAsync(string checkpointFolderPrefix, bool withWorker = true)
    {
        var stack = new DashboardStack(await TestDatabase.CreateAsync(), Directory.CreateTempSubdirectory(checkpointFolderPrefix));
        try
        {
            await stack.StartProcessesAsync(withWorker);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync(bool withWorker)
    {
        var service = new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = Database.ConnectionString,
            ["StorageOptions__CheckpointRoot"] = Checkpoints.FullName,
            ["StorageOptions__DatasetRoot"] = RepositoryPaths.DatasetRoot,
            ["TrainingOptions__Device"] = "cpu",
        };
        _api = ServiceProcess.Start("Api", service, "--urls", ApiAddress.AbsoluteUri);
        await _api.WaitUntilHealthyAsync(new Uri(ApiAddress, "health"), TimeSpan.FromSeconds(60));
        if (withWorker) _worker = ServiceProcess.Start("Worker", service);
        _web = ServiceProcess.Start("Web", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = WebAddress.AbsoluteUri,
            ["ApiOptions__BaseUrl"] = ApiAddress.AbsoluteUri,
            ["ApiOptions__PublicUrl"] = ApiAddress.AbsoluteUri,
        });
        await _web.WaitUntilHealthyAsync(new Uri(WebAddress, "favicon.ico"), TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_web is not null) await _web.DisposeAsync();
        if (_worker is not null) await _worker.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        await Database.DisposeAsync();
        Checkpoints.Delete(recursive: true);
    }
}
