using System.Diagnostics;
using System.Text;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Accounts;

/// <summary>./run.sh itself on a fresh data folder and database, with the binaries this test run built.</summary>
public sealed class RunScriptFirstRunTests
{
    [Fact]
    public async Task Run_sh_on_a_fresh_data_folder_prints_the_key_and_sign_in_url_and_keeps_the_key_out_of_its_logs()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = Directory.CreateTempSubdirectory("e2e-run-sh-");
        var webPort = ServiceProcess.FreePort();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "run.sh"));
        start.Environment["TRAINING_DATA_DIR"] = data.FullName;
        start.Environment["SKIP_BUILD"] = "1";
        start.Environment["CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        start.Environment["ConnectionStrings__TrainingDb"] = database.ConnectionString;
        start.Environment["StorageOptions__DatasetRoot"] = RepositoryPaths.DatasetRoot;
        start.Environment["API_PORT"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WEB_PORT"] = webPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WORKER_GRACE_SECONDS"] = "5";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string Said() { lock (output) return output.ToString(); }
        try
        {
            var clock = Stopwatch.StartNew();
            while (!Said().Contains("Training service is up", StringComparison.Ordinal) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250);
            }
            Assert.True(Said().Contains("Training service is up", StringComparison.Ordinal), Said());

            var key = Assert.Single(ApiKeys.Find(Said()).Distinct());
            Assert.Contains($"http://127.0.0.1:{webPort}/signin#key={key}", Said());
            Assert.True(Said().IndexOf(key, StringComparison.Ordinal) < Said().IndexOf("Starting the Api", StringComparison.Ordinal),
                "The key comes before the services start:\n" + Said());

            await StopAsync(process);
            var logs = Directory.GetFiles(Path.Combine(data.FullName, "logs"));
            Assert.Contains(logs, l => Path.GetFileName(l) == "api.log");
            foreach (var log in logs)
            {
                Assert.DoesNotContain(key, await File.ReadAllTextAsync(log));
            }
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            data.Delete(recursive: true);
        }
    }

    /// <summary>SIGTERM, as Ctrl-C would stop it: run.sh stops its services and the logs are complete.</summary>
    private static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }
}
