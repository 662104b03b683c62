using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TrainingService.Core;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;
using TrainingService.Core.Torch;
using TrainingService.Core.Training;
using TrainingService.Repeatability;
using static TorchSharp.torch;

// Repeats one job spec in one process, alternating libtorch's own CPU convolutions with oneDNN's, and
// reports per arm how many runs diverged, how many distinct sets of figures the rest produced (one
// means the spec and seed reproduce exactly) and the median time of a run; see docs/benchmarks.md.
RepeatabilityOptions options;
try
{
    options = RepeatabilityOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (options.Threads > 0)
{
    set_num_threads(options.Threads);
}
var models = ModelRegistry.CreateDefault();
var storage = new StorageOptions { DatasetRoot = Path.GetFullPath(options.DataRoot), CheckpointRoot = Directory.CreateTempSubdirectory("repeatability-").FullName };
var datasets = DatasetRegistry.CreateDefault(new DatasetFileStore(storage.DatasetRoot));
var planner = new NetworkPlanner(models);
var submission = JsonSerializer.Deserialize<JobSubmission>(File.ReadAllText(options.SpecFile), JobSpecJson.Options);
var validation = new JobSpecValidator(models, datasets, planner, new JobSpecLimits()).Validate(submission);
if (!validation.IsValid)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    return 1;
}

var executor = new TrainingJobExecutor(datasets, planner, new CheckpointWriter(), new TrainingOptions(), storage);
Console.WriteLine($"spec: {options.SpecFile}; libtorch threads: {get_num_threads()}; {options.Runs} runs per arm, alternating");
var results = new List<RunResult>();
for (var number = 1; number <= options.Runs; number++)
{
    foreach (var oneDnn in new[] { true, false })
    {
        OneDnn.SetEnabled(oneDnn);
        var observer = new RecordingObserver();
        var jobId = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        int? divergedIn = null;
        string fingerprint;
        try
        {
            var outcome = (await executor.RunAsync(new TrainingRequest(jobId, 1, validation.Spec!, validation.Resolution, null), observer, CancellationToken.None)).Outcome!;
            fingerprint = string.Join(' ', observer.Epochs.Select(e => e.TrainLoss.ToString("R", CultureInfo.InvariantCulture)).Append($"test {outcome.TestLoss.ToString("R", CultureInfo.InvariantCulture)} {outcome.TestAccuracy:F4}"));
        }
        catch (TrainingDivergedException exception)
        {
            divergedIn = exception.Epoch;
            fingerprint = "";
        }
        // Only the figures are compared; a long series of runs would otherwise fill the disk with checkpoints.
        if (Directory.Exists(storage.CheckpointFolder(jobId)))
        {
            Directory.Delete(storage.CheckpointFolder(jobId), recursive: true);
        }
        var result = new RunResult(oneDnn, number, clock.Elapsed.TotalSeconds, divergedIn, fingerprint);
        results.Add(result);
        Console.WriteLine(result.Describe());
    }
}

Console.WriteLine();
Console.WriteLine("| CPU convolutions | runs | diverged | distinct figures among the rest | median s per finished run |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var arm in results.GroupBy(r => r.OneDnn))
{
    var finished = arm.Where(r => r.DivergedInEpoch is null).ToList();
    var seconds = finished.Select(r => r.Seconds).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {RunResult.ArmName(arm.Key)} | {arm.Count()} | {arm.Count() - finished.Count} | {finished.Select(r => r.Fingerprint).Distinct().Count()} | {(seconds.Count > 0 ? seconds[seconds.Count / 2].ToString("F2", CultureInfo.InvariantCulture) : "-")} |"));
}
Directory.Delete(storage.CheckpointRoot, recursive: true);
return 0;
