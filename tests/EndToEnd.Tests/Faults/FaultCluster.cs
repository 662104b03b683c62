using TrainingService.Faults.Harness;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Faults;

/// <summary>
/// The fault tests' own PostgreSQL cluster (one of them stops it, which the suite's shared server must
/// never see), under a /tmp folder that also holds each test's checkpoints and process logs. The lease
/// is short, so a killed worker's run is resumed within seconds.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = PostgresCluster.CreateWorkFolder("faults-");
    private PostgresCluster? _postgres;

    public FaultSettings Settings { get; } = new()
    {
        DatasetRoot = RepositoryPaths.DatasetRoot,
        Lease = TimeSpan.FromSeconds(4),
        HeartbeatInterval = TimeSpan.FromMilliseconds(500),
        SweepInterval = TimeSpan.FromMilliseconds(500),
        RestartDelay = TimeSpan.FromMilliseconds(500),
    };

    public async Task InitializeAsync()
    {
        _postgres = await PostgresCluster.StartAsync(Path.Combine(_folder.FullName, "pg"));
    }

    /// <summary>A fresh database, checkpoint folder, Api and Worker for one test.</summary>
    public Task<Fleet> StartFleetAsync(string name) =>
        Fleet.StartAsync(_postgres ?? throw new InvalidOperationException("The cluster is not started."), name, Path.Combine(_folder.FullName, name), Settings);

    /// <summary>A fresh database, an Api and <paramref name="workers"/> Workers, each with folders of its own, sharing only PostgreSQL.</summary>
    public Task<ScaleOutFleet> StartScaleOutFleetAsync(string name, int workers) =>
        ScaleOutFleet.StartAsync(_postgres ?? throw new InvalidOperationException("The cluster is not started."), name,
            Path.Combine(_folder.FullName, name), Settings with { CpuThreads = 1 }, workers);

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

/// <summary>
/// The fault tests share one cluster and run one at a time, after the parallel tests: they time kills
/// against training on a 2-core machine, and an outage test stops the cluster.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<FaultCluster>
{
    public const string Name = "Faults";
}
