using System.Globalization;
using System.Runtime.InteropServices;
using TrainingService.EpochToBrowser;
using TrainingService.Faults.Harness;

// Epoch end to the browser: from the commit of each epoch's metric row to the moment the job page shows it, in
// headless Chromium, on the real service; see docs/benchmarks.md, "Latency where a person waits (issue 13)".
var epochs = 50;
var trainImages = 256;
string? dataRoot = Environment.GetEnvironmentVariable("TEST_MNIST_ROOT");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var e) && e > 0:
            epochs = e; i++; break;
        case "--train-images" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var t) && t > 0:
            trainImages = t; i++; break;
        case "--data-root" when i + 1 < args.Length:
            dataRoot = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: EpochToBrowser [--epochs 50] [--train-images 256] [--data-root DIR]");
            return 2;
    }
}
if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("The tool starts PostgreSQL with scripts/postgres.sh; run it on Linux.");
    return 2;
}
var datasetRoot = Path.GetFullPath(dataRoot ?? Path.Combine(ServiceBinaries.RepositoryRoot, ".data", "datasets"));
if (!File.Exists(Path.Combine(datasetRoot, "mnist", "train-images-idx3-ubyte")))
{
    Console.Error.WriteLine($"No MNIST files in {datasetRoot}/mnist; run scripts/provision-mnist.sh {datasetRoot}/mnist or pass --data-root.");
    return 2;
}

var work = PostgresCluster.CreateWorkFolder("epoch-to-browser-");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load {LoadAverage()}");
Console.WriteLine($"run: {ServiceBinaries.Configuration} Api, Web and Worker; lenet5, {epochs} epochs of {trainImages} MNIST images; work folder {work.FullName}");

IReadOnlyList<EpochArrival> arrivals;
await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(work.FullName, "pg")))
{
    await EpochToBrowserRun.EnableCommitTimestampsAsync(cluster);
    arrivals = await new EpochToBrowserRun(cluster, work.FullName, datasetRoot).RunAsync(epochs, trainImages, TimeSpan.FromMinutes(15));
}

Console.WriteLine("epoch  commit->hub ms  hub->page ms  commit->page ms  shown");
foreach (var a in arrivals)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Epoch,5}  {Show(a.CommitToHub),14}  {Show(a.HubToPage),12}  {Show(a.CommitToPage),15}  {a.PageAt.Count,5}"));
}
var arrived = arrivals.Count(a => a.PageAt.Count > 0);
var twice = arrivals.Count(a => a.PageAt.Count > 1);
Console.WriteLine($"arrived in the page: {arrived} of {epochs} epochs; shown more than once: {twice}");
Summary("commit -> page", arrivals.Select(a => a.CommitToPage));
Summary("commit -> hub client", arrivals.Select(a => a.CommitToHub));
Summary("hub client -> page", arrivals.Select(a => a.HubToPage));
Console.WriteLine($"load at the end {LoadAverage()}");
work.Delete(recursive: true);
return arrived == epochs && twice == 0 ? 0 : 1;

static string Show(double? ms) => ms is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "-";

static void Summary(string name, IEnumerable<double?> values)
{
    var sorted = values.OfType<double>().Order().ToArray();
    if (sorted.Length == 0)
    {
        Console.WriteLine($"{name}: nothing measured");
        return;
    }
    double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: n {sorted.Length}, p50 {Rank(0.50):0.0} ms, p95 {Rank(0.95):0.0} ms, max {sorted[^1]:0.0} ms"));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
