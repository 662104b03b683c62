using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingService.Core.Persistence;
using TrainingService.Tests.Shared;
using TrainingService.Worker.Extensions;

namespace TrainingService.Worker.Tests;

/// <summary>
/// The Worker's real service graph on a fresh database. By default nothing runs in the background (no
/// Hangfire server, supervisor or control listener), so a test drives the runner itself; with
/// <c>startServices</c> the host starts as the Worker process does.
/// </summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly IHost _host;

    private WorkerHost(TestDatabase database, IHost host, string checkpointRoot)
    {
        _database = database;
        _host = host;
        CheckpointRoot = checkpointRoot;
    }

    public IServiceProvider Services => _host.Services;
    public string CheckpointRoot { get; }
    public string ConnectionString => _database.ConnectionString;

    /// <param name="settings">Configuration on top of the defaults, e.g. <c>TrainingOptions:CpuThreads</c>.</param>
    public static async Task<WorkerHost> StartAsync(string? datasetRoot = null, bool startServices = false,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var checkpointRoot = Directory.CreateTempSubdirectory("worker-tests-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrainingDb"] = database.ConnectionString,
            ["StorageOptions:CheckpointRoot"] = checkpointRoot,
            ["StorageOptions:DatasetRoot"] = datasetRoot ?? RepositoryPaths.DatasetRoot,
            ["TrainingOptions:Device"] = "cpu",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddWorkerServices();
        var host = builder.Build();
        host.Services.ConfigureLibTorch();
        await host.Services.MigrateTrainingDatabaseAsync();
        if (startServices)
        {
            await host.StartAsync();
        }
        return new WorkerHost(database, host, checkpointRoot);
    }

    /// <summary>Starts the background services (Hangfire server, supervisor) of a host started without them.</summary>
    public Task StartServicesAsync() => _host.StartAsync();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(CheckpointRoot, recursive: true);
    }
}
