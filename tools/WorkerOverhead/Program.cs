using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TrainingService.Core.Jobs;
using TrainingService.Core.Queueing;
using TrainingService.Core.Torch;
using TrainingService.Faults.Harness;
using TrainingService.WorkerOverhead;
using static TorchSharp.torch;

// A job's stored images/s in the real Worker process against the same executor, same spec, in this bare
// process, alternating; see docs/benchmarks.md, "The Worker against its trainer (issue 13)".
// The Worker's allocator settings, so the bare side runs the executor as the Worker process does.
NativeAllocator.EnsureApplied();
OverheadOptions options;
try
{
    options = OverheadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("The tool starts PostgreSQL and the service with scripts/postgres.sh and dotnet; run it on Linux.");
    return 2;
}
var datasetRoot = Path.GetFullPath(options.DatasetRoot ?? Path.Combine(ServiceBinaries.RepositoryRoot, ".data", "datasets"));
if (!File.Exists(Path.Combine(datasetRoot, "mnist", "train-images-idx3-ubyte")))
{
    Console.Error.WriteLine($"No MNIST files in {datasetRoot}/mnist; run scripts/provision-mnist.sh {datasetRoot}/mnist or pass --data-root.");
    return 2;
}

// As the Worker does at start-up, before any libtorch work.
set_num_threads(options.Threads);
var defaults = new RunLeaseOptions();
// Production's lease, heartbeat and sweep: the figure is what a deployed worker costs, not the fault tests' 1 s beats.
var settings = new FaultSettings
{
    DatasetRoot = datasetRoot,
    CpuThreads = options.Threads,
    Lease = defaults.Lease,
    HeartbeatInterval = defaults.HeartbeatInterval,
    SweepInterval = defaults.SweepInterval,
    WorkerEnvironment = options.WorkerEnvironment,
};
var work = PostgresCluster.CreateWorkFolder("overhead-");
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,7:0.0} s] {line}");
string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine(F($"spec: {options.Model} on {options.TrainImages:N0} MNIST images, batch {options.BatchSize}, {options.Threads} threads, {options.Epochs} epochs; {ServiceBinaries.Configuration} Api and Worker"));
Console.WriteLine($"worker environment: {(options.WorkerEnvironment.Count == 0 ? "(none added)" : string.Join(' ', options.WorkerEnvironment.Select(e => $"{e.Key}={e.Value}")))}");
Console.WriteLine($"load average before: {LoadAverage()}");

var exitCode = 0;
await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(work.FullName, "pg")))
{
    Log($"PostgreSQL on port {cluster.Port}");
    var fleet = await Fleet.StartAsync(cluster, "overhead", Path.Combine(work.FullName, "service"), settings);
    try
    {
        exitCode = options.FreshWorker ? await FirstRunsAsync(fleet) : await AlternateAsync(fleet);
    }
    catch (FaultScenarioException exception)
    {
        Console.Error.WriteLine(exception.Message);
        Console.Error.WriteLine(fleet.Diagnostics());
        exitCode = 1;
    }
    finally
    {
        await fleet.DisposeAsync();
    }
}
Console.WriteLine($"load average after: {LoadAverage()}; total {clock.Elapsed.TotalMinutes:0.0} min");
work.Delete(recursive: true);
return exitCode;

// Worker, bare, bare, Worker, Worker, bare, ...: neither side always runs first, so a drift in the machine's load hits both.
async Task<int> AlternateAsync(Fleet fleet)
{
    using var trainer = new InProcessTrainer(datasetRoot, options.Threads);
    var rows = new List<(int Round, double Worker, double Bare)>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        var spec = OverheadSpec.For(options, round);
        double worker = 0, bare = 0;
        foreach (var side in round % 2 == 1 ? new[] { "worker", "bare" } : ["bare", "worker"])
        {
            if (side == "worker")
            {
                var epochs = await RunJobAsync(fleet, spec);
                worker = Median(epochs.Skip(1).Select(e => e.ImagesPerSecond));
                Log(F($"round {round} worker: images/s per epoch {string.Join(", ", epochs.Select(e => e.ImagesPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}"));
                // The Worker's peak resident memory as each epoch's row stores it: a leak shows as growth from epoch 2 on.
                Log(F($"round {round} worker: peak RSS epoch 2 {epochs[1].PeakMemoryBytes / 1e6:N0} MB, epoch {epochs.Count} {epochs[^1].PeakMemoryBytes / 1e6:N0} MB ({(double)epochs[^1].PeakMemoryBytes / epochs[1].PeakMemoryBytes - 1:+0.0%;-0.0%}); per epoch {string.Join(", ", epochs.Select(e => (e.PeakMemoryBytes / 1e6).ToString("N0", CultureInfo.InvariantCulture)))}"));
            }
            else
            {
                var epochs = await trainer.TrainAsync(spec);
                bare = Median(epochs.Skip(1).Select(e => e.ImagesPerSecond));
                Log(F($"round {round} bare:   images/s per epoch {string.Join(", ", epochs.Select(e => e.ImagesPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}"));
            }
        }
        rows.Add((round, worker, bare));
    }
    Console.WriteLine();
    Console.WriteLine(F($"| round | Worker job, epochs 2-{options.Epochs} (images/s, median) | same executor, bare process | Worker / bare |"));
    Console.WriteLine("|---:|---:|---:|---:|");
    foreach (var (round, worker, bare) in rows)
    {
        Console.WriteLine(F($"| {round} | {worker:N0} | {bare:N0} | {worker / bare:0.00}x |"));
    }
    var ratio = rows.Sum(r => r.Worker) / rows.Sum(r => r.Bare);
    Console.WriteLine(F($"| all | {rows.Average(r => r.Worker):N0} | {rows.Average(r => r.Bare):N0} | **{ratio:0.00}x** |"));
    Console.WriteLine();
    Console.WriteLine(F($"Worker / bare over {rows.Count} rounds: {ratio:0.00}x (goal 0.95x)"));
    return 0;
}

// A new Worker process per round trains two jobs: the first pays whatever a fresh process pays, the second is the control.
async Task<int> FirstRunsAsync(Fleet fleet)
{
    Console.WriteLine();
    Console.WriteLine("| round | job | claim to training (s) | epoch 1 (images/s) | later epochs (images/s, median) |");
    Console.WriteLine("|---:|---|---:|---:|---:|");
    for (var round = 1; round <= options.Rounds; round++)
    {
        if (round > 1)
        {
            await fleet.KillWorkerAsync();
            fleet.StartWorker();
        }
        foreach (var job in new[] { "first", "second" })
        {
            var spec = OverheadSpec.For(options, round);
            var (epochs, setup) = await RunJobWithSetupAsync(fleet, spec);
            var later = epochs.Count > 1 ? Median(epochs.Skip(1).Select(e => e.ImagesPerSecond)).ToString("N0", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(F($"| {round} | {job} of a fresh Worker | {setup:0.00} | {epochs[0].ImagesPerSecond:N0} | {later} |"));
        }
    }
    return 0;
}

async Task<IReadOnlyList<EpochRow>> RunJobAsync(Fleet fleet, TrainingJobSpec spec) => (await RunJobWithSetupAsync(fleet, spec)).Epochs;

// Setup: from the attempt's start (the claim) to the first batch, i.e. epoch 1's row minus the epoch's own seconds.
async Task<(IReadOnlyList<EpochRow> Epochs, double SetupSeconds)> RunJobWithSetupAsync(Fleet fleet, TrainingJobSpec spec)
{
    var jobId = await fleet.Jobs.SubmitAsync(OverheadSpec.Json(spec));
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        // Slow polling: the database and this process must not take CPU from the training being measured.
        await Task.Delay(TimeSpan.FromSeconds(1));
        if (fleet.WorkerProcess is { HasExited: true } worker)
        {
            throw new FaultScenarioException($"The Worker exited with code {worker.ExitCode} ({worker.LogPath}).");
        }
        var job = await fleet.Store.JobAsync(jobId);
        if (job.Status == JobStatus.Succeeded)
        {
            break;
        }
        if (JobStatusTransitions.IsTerminal(job.Status) || deadline.Elapsed > TimeSpan.FromMinutes(30))
        {
            throw new FaultScenarioException($"Job {jobId} is {job.Status}: {job.Error}");
        }
    }
    var epochs = await fleet.Jobs.MetricsAsync(jobId);
    var attempt = (await fleet.Store.AttemptsAsync(jobId))[0];
    var setup = (epochs[0].RecordedAt - attempt.StartedAt).TotalSeconds - epochs[0].EpochSeconds;
    return (epochs, setup);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
