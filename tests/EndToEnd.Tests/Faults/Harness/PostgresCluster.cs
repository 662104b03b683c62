using System.Diagnostics;
using Npgsql;

namespace TrainingService.Faults.Harness;

/// <summary>
/// A private PostgreSQL cluster of the fault runs, started with <c>scripts/postgres.sh</c> in a folder
/// of its own under /tmp: an outage scenario stops and starts it, which a shared server must never see.
/// Each scenario gets a database of its own on it. The script keeps the port across restarts, so the
/// services' connection strings stay valid, which <see cref="StartAgainAsync"/> checks.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private PostgresCluster(string dataDirectory, string connectionString)
    {
        DataDirectory = dataDirectory;
        ServerConnectionString = connectionString;
    }

    public string DataDirectory { get; }

    /// <summary>The server's connection string (database <c>training</c>), as the script prints it.</summary>
    public string ServerConnectionString { get; }

    public int Port => new NpgsqlConnectionStringBuilder(ServerConnectionString).Port;

    /// <summary>
    /// A temporary folder for a cluster and its run. As root the cluster belongs to the postgres user, which must be able
    /// to reach the folder.
    /// </summary>
    public static DirectoryInfo CreateWorkFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return folder;
    }

    public static async Task<PostgresCluster> StartAsync(string dataDirectory)
    {
        var connectionString = await RunScriptAsync("start", dataDirectory, "--throwaway");
        return new PostgresCluster(dataDirectory, connectionString);
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A fast shutdown (<c>pg_ctl -m fast</c>): every client connection is cut at once.</summary>
    public Task StopAsync() => RunScriptAsync("stop", DataDirectory);

    /// <summary>Starts the stopped cluster from the same data folder; fails if it came back on another port.</summary>
    public async Task StartAgainAsync()
    {
        var connectionString = await RunScriptAsync("start", DataDirectory, "--throwaway");
        var port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        if (port != Port)
        {
            throw new InvalidOperationException($"PostgreSQL came back on port {port}, not {Port}; the services' connection strings are stale.");
        }
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ServiceBinaries.Script("postgres.sh"));
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
    }
}
