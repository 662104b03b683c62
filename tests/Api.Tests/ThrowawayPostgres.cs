using System.Diagnostics;
using Npgsql;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// A PostgreSQL cluster of the test's own (<c>scripts/postgres.sh ... --throwaway</c>) in a temporary folder,
/// which the test may stop and start: the suite's shared server must never see an outage. The script keeps
/// the port across restarts, so the Api's connection string stays valid.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private ThrowawayPostgres(DirectoryInfo folder, string connectionString)
    {
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_folder.FullName, "pg");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("api-outage-");
        // As root the cluster belongs to the postgres user, which must reach its folder.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var connectionString = await RunScriptAsync("start", Path.Combine(folder.FullName, "pg"), "--throwaway");
        return new ThrowawayPostgres(folder, connectionString);
    }

    /// <summary>A fast shutdown: every client connection is cut at once.</summary>
    public Task StopAsync() => RunScriptAsync("stop", DataDirectory);

    public async Task StartAgainAsync()
    {
        var connectionString = await RunScriptAsync("start", DataDirectory, "--throwaway");
        Assert.Equal(new NpgsqlConnectionStringBuilder(ConnectionString).Port, new NpgsqlConnectionStringBuilder(connectionString).Port);
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "postgres.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stderr}");
        }
        return (await stdout).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        _folder.Delete(recursive: true);
    }
}
