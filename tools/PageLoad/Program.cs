using System.Globalization;
using System.Runtime.InteropServices;
using TrainingService.Faults.Harness;
using TrainingService.PageLoad;

// The jobs list and a long job's page, from navigation to data on screen, in headless Chromium on the real Api and Web;
// see docs/benchmarks.md, "Latency where a person waits (issue 13)".
var jobs = 10_000;
var longEpochs = 300;
var loads = 50;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--jobs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var j) && j > 0:
            jobs = j; i++; break;
        case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var e) && e > 0:
            longEpochs = e; i++; break;
        case "--loads" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var l) && l > 0:
            loads = l; i++; break;
        default:
            Console.Error.WriteLine("usage: PageLoad [--jobs 10000] [--epochs 300] [--loads 50]");
            return 2;
    }
}
if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("The tool starts PostgreSQL with scripts/postgres.sh; run it on Linux.");
    return 2;
}

var work = PostgresCluster.CreateWorkFolder("page-load-");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load {LoadAverage()}");
Console.WriteLine($"run: {ServiceBinaries.Configuration} Api and Web; {jobs} jobs and one running job of {longEpochs} epochs; {loads} loads of each page after 5 warm-up loads");

PageLoadTimes times;
await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(work.FullName, "pg")))
{
    times = await new PageLoadRun(cluster, work.FullName, Path.Combine(ServiceBinaries.RepositoryRoot, ".data", "datasets")).RunAsync(jobs, longEpochs, loads, warmUpLoads: 5);
}

Console.WriteLine("| page | until | loads | p50 ms | p95 ms | max ms |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
Row("jobs list (first page of 25)", "first byte", times.JobsList.Select(t => t.FirstByte));
Row("jobs list (first page of 25)", "first paint", times.JobsList.Select(t => t.FirstPaint));
Row("jobs list (first page of 25)", "load event", times.JobsList.Select(t => t.Loaded));
Row("jobs list (first page of 25)", "rows shown", times.JobsList.Select(t => t.Shown));
Row($"job page ({longEpochs} epochs)", "first byte", times.JobPage.Select(t => t.FirstByte));
Row($"job page ({longEpochs} epochs)", "first paint", times.JobPage.Select(t => t.FirstPaint));
Row($"job page ({longEpochs} epochs)", "last epoch row shown", times.JobPage.Select(t => t.FirstDataShown));
Row($"job page ({longEpochs} epochs)", "load event", times.JobPage.Select(t => t.Loaded));
Row($"job page ({longEpochs} epochs)", "last epoch row and both charts shown", times.JobPage.Select(t => t.Shown));
Console.WriteLine("each load, in order (load event / shown, ms): jobs list " + string.Join(", ", times.JobsList.Select(Pair))
    + "; job page " + string.Join(", ", times.JobPage.Select(Pair)));
Console.WriteLine($"loads whose first row went off screen once shown: jobs list {times.JobsList.Count(t => t.DataLost > 0)}, job page {times.JobPage.Count(t => t.DataLost > 0)}");
Console.WriteLine($"epoch rows on the job page: {times.EpochRowsShown}; load at the end {LoadAverage()}");
work.Delete(recursive: true);
return times.EpochRowsShown == longEpochs ? 0 : 1;

static void Row(string name, string until, IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {until} | {sorted.Length} | {Rank(0.50):0.0} | {Rank(0.95):0.0} | {sorted[^1]:0.0} |"));
}

static string Pair(PageLoadTime t) => string.Create(CultureInfo.InvariantCulture, $"{t.Loaded:0}/{t.Shown:0}");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
