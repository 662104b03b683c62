using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.Faults.Harness;

namespace TrainingService.EpochToBrowser;

/// <summary>
/// Epoch end to the browser on the real service: a database of its own on <paramref name="cluster"/>, the built Api,
/// Web and Worker processes, a signed-in Chromium page on the job page of a fast LeNet-5 job, and a hub client of the
/// Api beside it. The Worker starts only once the page is live, so every epoch reaches the page through the hub and
/// none through the page's first read. Commit times need <see cref="EnableCommitTimestampsAsync"/> on the cluster.
/// </summary>
public sealed class EpochToBrowserRun(PostgresCluster cluster, string folder, string datasetRoot)
{
    private static readonly float Patience = (float)TimeSpan.FromSeconds(60).TotalMilliseconds;

    /// <summary>
    /// Turns on <c>track_commit_timestamp</c> (a restart setting) so that <c>pg_xact_commit_timestamp(xmin)</c> of a row
    /// is the moment its transaction committed: exact where the row's own <c>RecordedAt</c> is taken before the commit.
    /// </summary>
    public static async Task EnableCommitTimestampsAsync(PostgresCluster cluster)
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ServerConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var alter = new NpgsqlCommand("ALTER SYSTEM SET track_commit_timestamp = on", connection);
            await alter.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync();
        await cluster.StartAgainAsync();
    }

    public async Task<IReadOnlyList<EpochArrival>> RunAsync(int epochs, int trainImages, TimeSpan timeout)
    {
        var connectionString = await cluster.CreateDatabaseAsync($"epochs_{Guid.NewGuid():N}"[..30]);
        var key = await ServiceKey.CreateAdminAsync(connectionString);
        var logs = Path.Combine(folder, "logs");
        var checkpoints = Path.Combine(folder, "checkpoints");
        Directory.CreateDirectory(checkpoints);
        var api = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/");
        var web = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/");
        var service = new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = connectionString,
            ["StorageOptions__CheckpointRoot"] = checkpoints,
            ["StorageOptions__DatasetRoot"] = datasetRoot,
            ["TrainingOptions__Device"] = "cpu",
        };
        await using var apiProcess = ServiceProcess.Start("Api", service, Path.Combine(logs, "api.log"), "--urls", api.AbsoluteUri);
        await apiProcess.WaitUntilAnsweringAsync(new Uri(api, "health"));
        await using var webProcess = await ServiceProcess.StartWebAsync(web, api, Path.Combine(logs, "web.log"));

        using var jobs = new JobsClient(api, key);
        var jobId = await jobs.SubmitAsync(Spec(epochs, trainImages));
        await using var hub = await HubWatcher.ConnectAsync(api, key);
        await hub.FollowAsync(jobId);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await PageEpochRecorder.InstallAsync(page);
        await page.GotoAsync(new Uri(web, $"signin#key={key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { Timeout = Patience });
        await page.GotoAsync(new Uri(web, $"jobs/{jobId}").AbsoluteUri);
        // Degraded is connected with no worker online yet, which is how this run starts.
        await Assertions.Expect(page.Locator(".page-header [data-live-state]"))
            .ToHaveAttributeAsync("data-live-state", new Regex("^(Live|Degraded)$"), new() { Timeout = Patience });

        await using var workerProcess = ServiceProcess.Start("Worker", service, Path.Combine(logs, "worker.log"));
        var clock = Stopwatch.StartNew();
        while ((await PageEpochRecorder.ReadAsync(page)).Count < epochs)
        {
            if (clock.Elapsed > timeout)
            {
                throw new FaultScenarioException($"The page showed {(await PageEpochRecorder.ReadAsync(page)).Count} of {epochs} epochs within {timeout}; worker log:\n{workerProcess.Tail()}");
            }
            if (workerProcess.HasExited) throw new FaultScenarioException($"The Worker exited:\n{workerProcess.Tail()}");
            await Task.Delay(200);
        }
        await Assertions.Expect(page.Locator(".page-header [data-status], [data-status]").First)
            .ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = Patience });

        var shown = await PageEpochRecorder.ReadAsync(page);
        var committed = await CommitTimesAsync(connectionString, jobId);
        var hubAt = hub.Of("EpochCompleted", jobId).GroupBy(e => e.Epoch)
            .ToDictionary(g => g.Key, g => (g.Min(e => e.ReceivedAt) - DateTimeOffset.UnixEpoch).TotalMilliseconds);
        return Enumerable.Range(1, epochs).Select(epoch => new EpochArrival(
            epoch,
            committed.TryGetValue(epoch, out var c) ? c : null,
            hubAt.TryGetValue(epoch, out var h) ? h : null,
            shown.TryGetValue(epoch, out var p) ? p : [])).ToList();
    }

    private static JsonObject Spec(int epochs, int trainImages) => JsonNode.Parse($$$"""
        {"name": "epoch to browser", "model": {"name": "lenet5"},
         "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": {{{trainImages}}}, "validationLimit": 64, "testLimit": 64},
         "hyperparameters": {"epochs": {{{epochs}}}, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9, "seed": 7}}
        """)!.AsObject();

    /// <summary>Each epoch row's commit time; null where <c>track_commit_timestamp</c> is off.</summary>
    private static async Task<Dictionary<int, double?>> CommitTimesAsync(string connectionString, Guid jobId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var setting = new NpgsqlCommand("SHOW track_commit_timestamp", connection);
        var tracked = (string?)await setting.ExecuteScalarAsync() == "on";
        var sql = tracked
            ? "SELECT \"Epoch\", extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000 FROM epoch_metrics WHERE \"JobId\" = @job"
            : "SELECT \"Epoch\", NULL::numeric FROM epoch_metrics WHERE \"JobId\" = @job";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("job", jobId);
        var times = new Dictionary<int, double?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : (double)reader.GetDecimal(1);
        }
        return times;
    }
}
