using System.Diagnostics;

namespace TrainingService.Faults.Harness;

/// <summary>
/// An Api and several Workers as machines that share nothing but PostgreSQL: each process gets folders of
/// its own for checkpoints and datasets, and every artifact goes through the PostgreSQL artifact store.
/// All of them are real processes on a database of the scenario's own.
/// </summary>
public sealed class ScaleOutFleet : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _name;
    private readonly IReadOnlyDictionary<string, string> _shared;
    private readonly Dictionary<string, ServiceProcess> _workers = [];
    private readonly HashSet<string> _killed = [];

    private ScaleOutFleet(string name, string folder, string connectionString, ServiceKey key, FaultSettings settings)
    {
        _name = name;
        _folder = folder;
        ConnectionString = connectionString;
        Api = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        _shared = new Dictionary<string, string>(settings.Environment())
        {
            ["ConnectionStrings__TrainingDb"] = connectionString,
            ["ArtifactStore__Backend"] = "postgres",
        };
        Key = key;
        Jobs = new JobsClient(Api, key);
        Store = new JobStore(connectionString);
    }

    public string ConnectionString { get; }
    public Uri Api { get; }
    public ServiceKey Key { get; }
    public JobsClient Jobs { get; }
    public JobStore Store { get; }
    public ServiceProcess? ApiProcess { get; private set; }
    public IReadOnlyCollection<string> WorkerNames => _workers.Keys;
    public string LogFolder => Path.Combine(_folder, "logs");

    public static async Task<ScaleOutFleet> StartAsync(PostgresCluster cluster, string name, string folder, FaultSettings settings, int workers)
    {
        var database = $"scale_{name.Replace('-', '_')}_{Guid.NewGuid():N}"[..40];
        var connectionString = await cluster.CreateDatabaseAsync(database);
        var fleet = new ScaleOutFleet(name, folder, connectionString, await ServiceKey.CreateAdminAsync(connectionString), settings);
        await fleet.StartApiAsync();
        for (var i = 1; i <= workers; i++) fleet.StartWorker($"{name}-worker-{i}");
        return fleet;
    }

    /// <summary>The folders only this process sees, as on a machine of its own.</summary>
    public string MachineFolder(string process) => Path.Combine(_folder, "machines", process);

    private Dictionary<string, string> Environment(string process, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(_shared)
        {
            ["StorageOptions__CheckpointRoot"] = Path.Combine(MachineFolder(process), "checkpoints"),
            ["StorageOptions__DatasetRoot"] = Path.Combine(MachineFolder(process), "datasets"),
        };
        foreach (var (key, value) in extra) environment[key] = value;
        return environment;
    }

    private async Task StartApiAsync()
    {
        ApiProcess = ServiceProcess.Start("Api", Environment("api"), Path.Combine(LogFolder, $"{_name}-api.log"), "--urls", Api.ToString());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (ApiProcess.HasExited) throw new FaultScenarioException($"The Api exited while starting:\n{ApiProcess.Tail()}");
            try
            {
                if ((await http.GetAsync(new Uri(Api, "/health/live"))).IsSuccessStatusCode) return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new FaultScenarioException($"The Api did not answer within 120 s:\n{ApiProcess.Tail()}");
    }

    public void StartWorker(string name)
    {
        _killed.Remove(name);
        _workers[name] = ServiceProcess.Start("Worker", Environment(name, ("WorkerOptions__Name", name)), Path.Combine(LogFolder, $"{name}.log"));
    }

    /// <summary>SIGTERM to one worker, waiting for its graceful stop; <see cref="StartWorker"/> brings it back.</summary>
    public async Task StopWorkerAsync(string name)
    {
        _killed.Add(name);
        await _workers[name].TerminateAsync(TimeSpan.FromSeconds(60));
        await _workers[name].DisposeAsync();
    }

    /// <summary>kill -9 of one worker, which is not started again: its run must continue on another machine.</summary>
    public async Task KillWorkerAsync(string name)
    {
        _killed.Add(name);
        await _workers[name].KillAsync();
    }

    /// <summary>Waits for the job row to satisfy the condition, failing at once when a worker that was not killed died.</summary>
    public Task<Core.Persistence.TrainingJob> WaitForJobAsync(Guid jobId, Func<Core.Persistence.TrainingJob, bool> condition, TimeSpan timeout, string what) =>
        Store.WaitForAsync(jobId, condition, timeout, what, () =>
        {
            foreach (var (name, worker) in _workers)
            {
                if (!_killed.Contains(name) && worker.HasExited)
                {
                    throw new FaultScenarioException($"Waiting for {what}, {name} exited with code {worker.ExitCode} ({worker.LogPath}):\n{worker.Tail()}");
                }
            }
        });

    public string Diagnostics() =>
        $"--- api ({ApiProcess?.LogPath}) ---\n{ApiProcess?.Tail()}\n"
        + string.Join('\n', _workers.Select(w => $"--- {w.Key} ({w.Value.LogPath}) ---\n{w.Value.Tail(25)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.Values) await worker.DisposeAsync();
        if (ApiProcess is { } api) await api.DisposeAsync();
        Jobs.Dispose();
    }
}
