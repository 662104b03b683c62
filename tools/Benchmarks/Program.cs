using TrainingService.Benchmarks;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using static TorchSharp.torch;
using static TrainingService.Benchmarks.ReportWriter;

// Times the data path alone against full training steps over the same batches, in one process,
// so both figures share the machine's state at the time; see docs/benchmarks.md.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

// Before any libtorch work, as the worker does it at startup, so the thread pool is sized once.
if (options.Threads > 0)
{
    set_num_threads(options.Threads);
}

// Checked before the data loads, which can take seconds; the planner would throw on an unknown name.
var models = ModelRegistry.CreateDefault();
if (!models.TryGet(options.ModelName, out _))
{
    Console.Error.WriteLine($"No model named '{options.ModelName}'. Known models: {string.Join(", ", models.Names)}.");
    return 2;
}

IDatasetSource source;
DatasetSplits splits;
try
{
    source = BenchmarkData.Source(options);
    splits = await source.LoadAsync(CancellationToken.None);
}
catch (Exception exception) when (exception is DatasetUnavailableException or InvalidDatasetFileException or KeyNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

using (splits)
{
    var info = source.Info;
    var errors = new ValidationErrors();
    var plan = new NetworkPlanner(models).Plan(new ModelSpec(options.ModelName, info.ClassCount), info, null, errors);
    if (plan is null)
    {
        Console.Error.WriteLine(string.Join(Environment.NewLine, errors.ToDictionary().SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return 1;
    }

    var augment = options.Augment ?? info.Channels == 3;
    // Both paths time whole epochs of this cut, so the shuffle's permutation and the last partial
    // batch are counted as often as in a real run.
    using var subset = splits.Train.Take((long)options.Batches * options.BatchSize);
    var dataPipeline = BenchmarkPipeline.Create(plan, augment, options.Seed);
    using var dataLoader = new BatchLoader(subset, options.BatchSize, shuffle: true, options.Seed, CPU, dataPipeline);
    using var trainLoader = new BatchLoader(subset, options.BatchSize, shuffle: true, options.Seed, CPU, BenchmarkPipeline.Create(plan, augment, options.Seed));
    using var training = new TrainingRun(plan, options.BatchSize, options.Seed);

    Console.WriteLine(Invariant($"dataset: {info.Name} ({info.Channels}x{info.Height}x{info.Width}), {subset.Count:N0} of {splits.Train.Count:N0} training images"));
    Console.WriteLine(Invariant($"model: {plan.Network.Name}, input {plan.Input}, {training.ParameterCount:N0} parameters; {TrainingRun.Optimizer}"));
    Console.WriteLine($"transforms: {BenchmarkPipeline.Describe(dataPipeline)}");
    foreach (var fact in MachineFacts.Describe())
    {
        Console.WriteLine(fact);
    }

    // Warm-up: first-touch allocations, libtorch's kernel selection and the JIT's tiering.
    var dataRun = new DataPathRun(dataLoader);
    dataRun.Run(1);
    training.Epoch(trainLoader, 0);
    dataRun.Calibrate();
    Console.WriteLine(Invariant($"batch {options.BatchSize}, {dataLoader.BatchesPerEpoch} batches per epoch; 1 warm-up + {options.Repeats} timed repetitions per path, interleaved"));
    Console.WriteLine(Invariant($"a repetition is {dataRun.EpochsPerRepetition} epoch(s) of the data path (at least {DataPathRun.MinRepetitionSeconds:N1} s), 1 of training"));
    Console.WriteLine($"load average before: {MachineFacts.LoadAverage() ?? "n/a"}");

    // Alternating the paths spreads any change in the machine's other load over both of them.
    var dataPath = new PathMeasurement("data path alone (gather + transforms)");
    var trainingPath = new PathMeasurement("training (data + forward + loss + backward + SGD)");
    for (var repetition = 1; repetition <= options.Repeats; repetition++)
    {
        var data = dataRun.Repeat();
        var step = training.Epoch(trainLoader, repetition);
        dataPath.Add(data);
        trainingPath.Add(step);
        Console.WriteLine(Invariant($"  repetition {repetition}: data {data.ImagesPerSecond:N0} images/s, training {step.ImagesPerSecond:N0} images/s"));
    }

    Console.WriteLine($"load average after: {MachineFacts.LoadAverage() ?? "n/a"}");
    Console.WriteLine(Invariant($"training loss, last repetition: {training.LastResult!.Loss:F4} (accuracy {training.LastResult.Accuracy:P1})"));
    Console.WriteLine();
    Write(Console.Out, dataPath, trainingPath);
}
return 0;
