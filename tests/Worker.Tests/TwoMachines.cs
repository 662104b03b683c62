using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Persistence;
using TrainingService.Tests.Shared;
using TrainingService.Worker.Extensions;

namespace TrainingService.Worker.Tests;

/// <summary>
/// Worker service graphs that share one fresh database and nothing else: each "machine" has its own empty checkpoint
/// root and, unless told otherwise, its own empty dataset root, with <c>ArtifactStore:Backend=postgres</c>.
/// Nothing runs in the background; a test drives the runners itself.
/// </summary>
public sealed class TwoMachines : IAsyncDisposable
{
    private readonly List<IHost> hosts = [];
    private readonly List<string> folders = [];

    private TwoMachines(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<TwoMachines> CreateAsync() => new(await TestDatabase.CreateAsync());

    public string NewFolder(string name)
    {
        var folder = Directory.CreateTempSubdirectory($"machine-{name}-").FullName;
        folders.Add(folder);
        return folder;
    }

    /// <param name="datasetRoot">The machine's dataset root; a new empty folder when null.</param>
    public async Task<Machine> StartWorkerAsync(string name, string? datasetRoot = null)
    {
        var checkpointRoot = NewFolder($"{name}-checkpoints");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrainingDb"] = Database.ConnectionString,
            ["StorageOptions:CheckpointRoot"] = checkpointRoot,
            ["StorageOptions:DatasetRoot"] = datasetRoot ?? NewFolder($"{name}-datasets"),
            ["ArtifactStore:Backend"] = ArtifactStoreOptions.PostgresBackend,
            ["TrainingOptions:Device"] = "cpu",
            // Pinned, so that a run on either machine reduces in the same order whatever earlier tests left in libtorch.
            ["TrainingOptions:CpuThreads"] = "2",
            ["WorkerOptions:Name"] = name,
        });
        builder.AddWorkerServices();
        var host = builder.Build();
        host.Services.ConfigureLibTorch();
        await host.Services.MigrateTrainingDatabaseAsync();
        hosts.Add(host);
        return new Machine(host.Services, checkpointRoot);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        await Database.DisposeAsync();
        foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    public sealed record Machine(IServiceProvider Services, string CheckpointRoot)
    {
        public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    }
}
