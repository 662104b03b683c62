using System.Diagnostics;

namespace TrainingService.Faults.Harness;

/// <summary>
/// One scenario's service: a database of its own on the fault cluster, a checkpoint folder, an Api on
/// a free loopback port (kept across Api restarts, as a deployment keeps its address) and one Worker,
/// each a real process that the scenario can kill and start again. Logs go to <see cref="LogFolder"/>.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _name;
    private int _apiStarts;
    private int _workerStarts;
    private bool _workerKilled;

    private Fleet(string name, PostgresCluster cluster, string connectionString, ServiceKey key, string folder, FaultSettings settings)
    {
        _name = name;
        Cluster = cluster;
        Settings = settings;
        ConnectionString = connectionString;
        CheckpointRoot = Path.Combine(folder, "checkpoints");
        LogFolder = Path.Combine(folder, "logs");
        Directory.CreateDirectory(CheckpointRoot);
        Api = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        _environment = new Dictionary<string, string>(settings.Environment())
        {
            ["ConnectionStrings__TrainingDb"] = connectionString,
            ["StorageOptions__CheckpointRoot"] = CheckpointRoot,
        };
        Key = key;
        Jobs = new JobsClient(Api, key);
        Store = new JobStore(connectionString);
    }

    public PostgresCluster Cluster { get; }
    public FaultSettings Settings { get; }
    public string ConnectionString { get; }
    public string CheckpointRoot { get; }
    public string LogFolder { get; }
    public Uri Api { get; }
    public ServiceKey Key { get; }
    public JobsClient Jobs { get; }
    public JobStore Store { get; }
    public ServiceProcess? ApiProcess { get; private set; }
    public ServiceProcess? WorkerProcess { get; private set; }

    /// <summary>Creates the scenario's database, its admin key and folders, then starts the Api (waiting for /health) and a Worker.</summary>
    public static async Task<Fleet> StartAsync(PostgresCluster cluster, string name, string folder, FaultSettings settings)
    {
        var database = $"faults_{name.Replace('-', '_')}_{Guid.NewGuid():N}"[..40];
        var connectionString = await cluster.CreateDatabaseAsync(database);
        var fleet = new Fleet(name, cluster, connectionString, await ServiceKey.CreateAdminAsync(connectionString), folder, settings);
        await fleet.StartApiAsync();
        fleet.StartWorker();
        return fleet;
    }

    public string CheckpointFolder(Guid jobId) => Path.Combine(CheckpointRoot, jobId.ToString("N"));

    /// <summary>Starts the Api on its port and waits until /health answers; returns how long that took.</summary>
    public async Task<TimeSpan> StartApiAsync()
    {
        var clock = Stopwatch.StartNew();
        ApiProcess = ServiceProcess.Start("Api", _environment, Path.Combine(LogFolder, $"{_name}-api-{++_apiStarts}.log"), "--urls", Api.ToString());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (ApiProcess.HasExited) throw new FaultScenarioException($"The Api exited while starting:\n{ApiProcess.Tail()}");
            try
            {
                if ((await http.GetAsync(new Uri(Api, "/health"))).IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new FaultScenarioException($"The Api did not become healthy within 120 s:\n{ApiProcess.Tail()}");
    }

    public void StartWorker()
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in Settings.WorkerEnvironment) environment[key] = value;
        WorkerProcess = ServiceProcess.Start("Worker", environment, Path.Combine(LogFolder, $"{_name}-worker-{++_workerStarts}.log"));
        _workerKilled = false;
    }

    /// <summary>kill -9 of the Worker; returns when the process is gone.</summary>
    public async Task KillWorkerAsync()
    {
        if (WorkerProcess is { } worker)
        {
            _workerKilled = true;
            await worker.KillAsync();
            await worker.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits for the job row to satisfy <paramref name="condition"/>, failing at once when the Worker
    /// died without being killed (it could not start, or it crashed), since nothing would then move the job.
    /// </summary>
    public Task<Core.Persistence.TrainingJob> WaitForJobAsync(Guid jobId, Func<Core.Persistence.TrainingJob, bool> condition, TimeSpan timeout, string what) =>
        Store.WaitForAsync(jobId, condition, timeout, what, () =>
        {
            if (!_workerKilled && WorkerProcess is { HasExited: true } worker)
            {
                throw new FaultScenarioException($"Waiting for {what}, the Worker exited with code {worker.ExitCode} ({worker.LogPath}):\n{worker.Tail()}");
            }
        });

    /// <summary>What to show when a scenario fails: the tails of the running processes' logs.</summary>
    public string Diagnostics() =>
        $"--- api ({ApiProcess?.LogPath}) ---\n{ApiProcess?.Tail()}\n--- worker ({WorkerProcess?.LogPath}) ---\n{WorkerProcess?.Tail()}";

    public async ValueTask DisposeAsync()
    {
        if (WorkerProcess is { } worker) await worker.DisposeAsync();
        if (ApiProcess is { } api) await api.DisposeAsync();
        Jobs.Dispose();
    }
}
