using TrainingService.Core.Torch;
using TrainingService.Core.Training;
using TrainingService.TrainingComparison;
using static TorchSharp.torch;
using static TrainingService.TrainingComparison.ComparisonReport;

// Our trainer against Debian's PyTorch on the same networks, batches, threads and optimizer, interleaved in one run;
// see docs/benchmarks.md, "Training throughput against PyTorch (issue 13)".
// The worker's allocator settings (it re-executes itself with them), so our side trains as a job does.
NativeAllocator.EnsureApplied();
ComparisonOptions options;
try
{
    options = ComparisonOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

// Once, before any libtorch work, as the worker does at start-up: the settings are process-wide.
set_num_threads(options.Threads);
Device device;
try
{
    device = TrainingDevice.Resolve(options.Device);
}
catch (InvalidOperationException exception)
{
    Console.Error.WriteLine($"{exception.Message} A GPU comparison needs the CUDA build: dotnet build tools/TrainingComparison -c Release -p:TorchBackend=cuda");
    return 1;
}
if (options.OnGpu)
{
    backends.cuda.matmul.allow_tf32 = options.TensorFloat32;
    backends.cudnn.allow_tf32 = options.TensorFloat32;
}
var script = PyTorchPeer.FindScript();
if (script is null || !File.Exists(options.Python))
{
    Console.Error.WriteLine($"Needs {options.Python} with torch (on the CPU Debian's python3-torch) and tools/pytorch/training_peer.py in the checkout.");
    return 1;
}

var work = Path.Combine(Path.GetTempPath(), $"training-comparison-{Environment.ProcessId}");
var results = new List<ModelResult>();
Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores visible; libtorch threads {get_num_threads()}; device {device}"
    + (options.OnGpu ? $", TF32 {(options.TensorFloat32 ? "on" : "off")}" : "") + $"; allocator {NativeAllocator.Describe()}");
try
{
    using var peer = PyTorchPeer.Start(script, options.Threads, options.Python);
    foreach (var (model, input) in options.Models)
    {
        var settings = new ComparisonSettings(options.Threads, options.BatchSize,
            ComparisonOptions.Big.Contains(model) ? options.BigBatches : options.Batches, options.Repeats, options.Seed,
            RequireOpenBlas: !options.AllowReferenceBlas && !options.OnGpu, Phases: options.Phases, OtherLayoutVariant: options.OtherLayoutVariant,
            Device: options.Device, TensorFloat32: options.TensorFloat32);
        Console.WriteLine(Invariant($"{model}: {settings.Batches} batches of {settings.BatchSize}, load average {LoadAverage()}"));
        var result = await ModelComparison.RunAsync(model, input, settings, peer, Path.Combine(work, model), Console.WriteLine);
        Console.WriteLine(options.OnGpu ? $"  PyTorch {result.TorchVersion} on {result.Blas}" : $"  PyTorch {result.TorchVersion}, BLAS {result.Blas}");
        results.Add(result);
    }
}
catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
finally
{
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
}

Console.WriteLine($"load average after: {LoadAverage()}");
Console.WriteLine();
WriteThroughput(Console.Out, results);
if (options.OtherLayoutVariant)
{
    Console.WriteLine();
    WriteLayouts(Console.Out, results);
}
if (options.Phases)
{
    Console.WriteLine();
    WritePhases(Console.Out, results);
}
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
