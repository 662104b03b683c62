using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TrainingService.AshaBenchmark;
using TrainingService.AshaBenchmark.Figures;
using TrainingService.Faults.Harness;

// The same LeNet-5 grid sweep twice through the real service (a throwaway PostgreSQL, the built Api, real Workers),
// first without early stopping, then with ASHA, and the two side by side; see docs/benchmarks.md, "ASHA early stopping".
AshaBenchmarkOptions options;
try
{
    options = AshaBenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("The benchmark starts Linux processes (scripts/postgres.sh); run it on Linux.");
    return 2;
}

var datasetRoot = Path.GetFullPath(options.DatasetRoot ?? Path.Combine(ServiceBinaries.RepositoryRoot, ".data", "datasets"));
if (!File.Exists(Path.Combine(datasetRoot, "mnist", "train-images-idx3-ubyte")))
{
    Console.Error.WriteLine($"No MNIST files in {datasetRoot}/mnist; run scripts/provision-mnist.sh {datasetRoot}/mnist or pass --data-root.");
    return 2;
}
var settings = new FaultSettings { DatasetRoot = datasetRoot, CpuThreads = options.Threads };
var work = PostgresCluster.CreateWorkFolder("asha-benchmark-");
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,7:0.0} s] {line}");

var ashaLabel = string.Create(CultureInfo.InvariantCulture, $"ASHA (grace {options.GracePeriod}, rf {options.ReductionFactor})");
var setup = new List<string>
{
    $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load at start {LoadAverage()}",
    string.Create(CultureInfo.InvariantCulture, $"command: `dotnet run -c {ServiceBinaries.Configuration} --project tools/AshaBenchmark -- {string.Join(' ', args)}`"),
    string.Create(CultureInfo.InvariantCulture,
        $"fleet: one Api, {options.Workers} Worker processes with TrainingOptions__CpuThreads={options.Threads}, ArtifactStore__Backend=postgres, a fresh database per sweep"),
    string.Create(CultureInfo.InvariantCulture,
        $"sweep: {options.LearningRates.Count * options.BatchSizes.Count} lenet5 trials, grid learningRate [{string.Join(", ", options.LearningRates)}] (sgd, momentum 0.9) × "
        + $"batchSize [{string.Join(", ", options.BatchSizes)}], {options.Epochs} epochs, seed {options.Seed}, maxConcurrent {options.Concurrency}, metric validation_accuracy"),
    string.Create(CultureInfo.InvariantCulture,
        $"data: MNIST, trainLimit {options.TrainLimit}, validationLimit {options.ValidationLimit} (of a 0.1 hold-out), testLimit {options.TestLimit}"),
};
foreach (var line in setup) Console.WriteLine(line);
Console.WriteLine($"work folder: {work.FullName}");

var measured = new List<MeasuredSweep>();
var failed = false;
await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(work.FullName, "pg")))
{
    Log($"PostgreSQL on port {cluster.Port}");
    foreach (var (label, asha) in new[] { ("without early stopping", false), (ashaLabel, true) })
    {
        var slug = asha ? "asha" : "baseline";
        var folder = Path.Combine(work.FullName, slug);
        ProvideMnist(folder, ["api", .. Enumerable.Range(1, options.Workers).Select(i => $"{slug}-worker-{i}")]);
        var fleet = await ScaleOutFleet.StartAsync(cluster, slug, folder, settings, options.Workers);
        try
        {
            Log($"--- {label}: Api {fleet.Api}, workers {string.Join(", ", fleet.WorkerNames)} ---");
            measured.Add(await SweepBench.RunAsync(fleet, SweepPlan.Submission(options, label, asha), TimeSpan.FromMinutes(60), Log));
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or OperationCanceledException)
        {
            Console.Error.WriteLine($"{label}: {exception.Message}\n{fleet.Diagnostics()}");
            failed = true;
            break;
        }
        finally
        {
            await fleet.DisposeAsync();
        }
    }
}
if (failed)
{
    Console.Error.WriteLine($"logs in {work.FullName}");
    return 1;
}

var comparison = SweepComparison.Of(measured[0].Figures, measured[1].Figures);
var report = MarkdownReport.Write("ASHA early stopping", setup, measured[0], measured[1], comparison);
Console.WriteLine();
Console.WriteLine(report);
if (options.OutPath is { } outPath)
{
    await File.WriteAllTextAsync(outPath, report);
    Console.WriteLine($"written to {Path.GetFullPath(outPath)}");
}
Console.WriteLine($"total {clock.Elapsed.TotalMinutes:0.0} min");
if (!options.Keep) work.Delete(recursive: true);
return 0;

// Every process of the fleet has a dataset folder of its own (ScaleOutFleet.MachineFolder), as on a machine of its own,
// so each gets a copy of MNIST: the dataset store checks a file's own length, which for a symbolic link is the link's.
void ProvideMnist(string fleetFolder, IEnumerable<string> processes)
{
    var source = Path.Combine(datasetRoot, "mnist");
    foreach (var process in processes)
    {
        var mnist = Directory.CreateDirectory(Path.Combine(fleetFolder, "machines", process, "datasets", "mnist"));
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(mnist.FullName, Path.GetFileName(file)));
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
