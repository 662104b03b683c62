using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TrainingService.Faults;
using TrainingService.Faults.Harness;

// Injects faults into the real service (PostgreSQL, the built Api and Worker) and prints what it
// measured and whether the durable-run guarantees held; see docs/benchmarks.md, "Fault injection".
FaultOptions options;
try
{
    options = FaultOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("The fault tool drives Linux processes (scripts/postgres.sh, SIGKILL, SIGTERM); run it on Linux.");
    return 2;
}

var datasetRoot = Path.GetFullPath(options.DatasetRoot ?? Path.Combine(ServiceBinaries.RepositoryRoot, ".data", "datasets"));
if (!File.Exists(Path.Combine(datasetRoot, "mnist", "train-images-idx3-ubyte")))
{
    Console.Error.WriteLine($"No MNIST files in {datasetRoot}/mnist; run scripts/provision-mnist.sh {datasetRoot}/mnist or pass --data-root.");
    return 2;
}
var settings = new FaultSettings
{
    DatasetRoot = datasetRoot,
    Lease = TimeSpan.FromSeconds(options.LeaseSeconds),
    CpuThreads = options.Threads,
};
var work = PostgresCluster.CreateWorkFolder("faults-");
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,7:0.0} s] {line}");

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, "
    + $"load {LoadAverage()}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fleet: {ServiceBinaries.Configuration} Api and Worker, lease {settings.Lease.TotalSeconds:0} s, heartbeat {settings.HeartbeatInterval.TotalSeconds:0} s, "
    + $"sweep {settings.SweepInterval.TotalSeconds:0} s, TrainingOptions__CpuThreads={settings.CpuThreads}, restart delay {settings.RestartDelay.TotalSeconds:0} s"));
Console.WriteLine($"work folder: {work.FullName}");

var reports = new List<FaultReport>();
await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(work.FullName, "pg")))
{
    Log($"PostgreSQL on port {cluster.Port} ({cluster.DataDirectory})");
    foreach (var scenario in options.Scenarios)
    {
        var folder = Path.Combine(work.FullName, scenario);
        Log($"--- {scenario} ---");
        if (FaultOptions.FleetScenarios.Contains(scenario))
        {
            reports.Add(await RunOnFleetAsync(cluster, scenario, folder));
            continue;
        }
        var fleet = await Fleet.StartAsync(cluster, scenario, folder, settings);
        var report = await GuardedAsync(scenario, () => RunAsync(scenario, fleet), fleet.Diagnostics, fleet.DisposeAsync);
        reports.Add(report);
        if (report.Passed && !options.Keep)
        {
            Directory.Delete(fleet.CheckpointRoot, recursive: true);
        }
    }
}

Console.WriteLine("| scenario | result | checks failed |");
Console.WriteLine("|---|---|---|");
foreach (var report in reports)
{
    Console.WriteLine($"| {report.Scenario} | {(report.Passed ? "passed" : "FAILED")} | {string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => c.Name))} |");
}
Console.WriteLine($"total {clock.Elapsed.TotalMinutes:0.0} min; logs in {work.FullName}");
var passed = reports.All(r => r.Passed);
if (passed && !options.Keep)
{
    work.Delete(recursive: true);
}
return passed ? 0 : 1;

async Task<FaultReport> RunOnFleetAsync(PostgresCluster cluster, string scenario, string folder)
{
    // Several workers share the machine's cores, so each gets one libtorch thread.
    var fleet = await ScaleOutFleet.StartAsync(cluster, scenario, folder, settings with { CpuThreads = 1 }, options.Workers);
    return await GuardedAsync(scenario, () => scenario == "scale-out"
            ? ScaleOutScenario.RunAsync(fleet, new ScaleOutOptions(Jobs: 4 * options.Workers), Log)
            : SchedulingScenario.RunAsync(fleet, new SchedulingOptions(FleetJobs: options.FleetJobs,
                SingleJobs: Math.Max(20, options.FleetJobs / options.Workers)), Log),
        fleet.Diagnostics, fleet.DisposeAsync);
}

// Whatever stopped a scenario is its finding: the processes are still torn down, the report printed, and the next scenario runs.
async Task<FaultReport> GuardedAsync(string scenario, Func<Task<FaultReport>> run, Func<string> diagnostics, Func<ValueTask> dispose)
{
    FaultReport report;
    try
    {
        report = await run();
    }
    catch (Exception exception)
    {
        report = new FaultReport(scenario);
        report.Check("the scenario ran to its end", false, exception is FaultScenarioException ? exception.Message : exception.ToString());
        Console.WriteLine(diagnostics());
    }
    finally
    {
        await dispose();
    }
    ReportPrinter.Print(Console.Out, report);
    return report;
}

async Task<FaultReport> RunAsync(string scenario, Fleet fleet)
{
    var images = options.TrainImages;
    switch (scenario)
    {
        case "worker-kill":
        {
            var kills = options.Times ?? 10;
            return (await WorkerKillScenario.RunAsync(fleet, new WorkerKillOptions(kills, Epochs: kills + 3, images), Log)).ToReport();
        }
        case "postgres-outage":
        {
            var outages = options.Times ?? 3;
            var downtime = TimeSpan.FromSeconds(options.OutageSeconds);
            return (await PostgresOutageScenario.RunAsync(fleet, new PostgresOutageOptions(outages, downtime, Epochs: 3 * outages + 4, images), Log)).ToReport();
        }
        case "api-restart":
        {
            var restarts = options.Times ?? 2;
            var stops = Enumerable.Range(0, restarts).Select(i => i % 2 == 0 ? ApiStop.SigTerm : ApiStop.SigKill).ToList();
            return (await ApiRestartScenario.RunAsync(fleet, new ApiRestartOptions(stops, Epochs: 6 * restarts + 4, images), Log)).ToReport();
        }
        case "checkpoint-kill":
        {
            var kills = options.Times ?? 20;
            var epochs = kills * 3 / 4 + 3;
            return (await CheckpointKillScenario.RunAsync(fleet, new CheckpointKillOptions(kills, epochs, TimeSpan.FromMilliseconds(800)), Log)).ToReport();
        }
        case "cancel":
        {
            var runs = new List<CancelLatency>
            {
                await CancelLatencyScenario.RunAsync(fleet, "lenet5", FaultJobs.LeNet("cancel lenet5", epochs: 50, images, maxRestarts: 0), batchesToTime: 30, Log),
            };
            if (!options.SkipVgg)
            {
                runs.Add(await CancelLatencyScenario.RunAsync(fleet, "vgg16", FaultJobs.Vgg16("cancel vgg16"), batchesToTime: 2, Log));
            }
            return CancelLatency.ToReport(runs);
        }
        default:
            throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario");
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
