using System.Diagnostics;
using TorchSharp;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;
using TrainingService.Core.Training.Resume;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// Trains one job from its spec: data, network, optimizer and schedule, the epoch loop with
/// checkpoints and early stopping, and the final test evaluation of the selected checkpoint.
/// After every epoch it writes a training checkpoint (weights, optimizer, schedule, policy, RNG) and
/// hands it to the observer with the epoch's rows; a run given one continues exactly from it. When
/// <paramref name="stop"/> is signalled it stops at the next batch boundary, writes a training checkpoint
/// of the partial epoch, and returns <see cref="TrainingResult.Stopped"/>.
/// </summary>
public sealed class TrainingJobExecutor(DatasetRegistry datasets, NetworkPlanner planner, CheckpointWriter checkpointWriter, TrainingOptions options, StorageOptions storage)
{
    private readonly TrainingCheckpointFile trainingCheckpoints = new();

    // Captured before this process's first run changes it: the thread count a run that asks for none gets.
    private readonly int workerThreads = options.CpuThreads > 0 ? options.CpuThreads : get_num_threads();

    public async Task<TrainingResult> RunAsync(TrainingRequest request, ITrainingObserver observer, CancellationToken stop)
    {
        var spec = request.Spec;
        var h = spec.Hyperparameters;
        var device = TrainingDevice.ForJob(h.Device, options.Device);
        // libtorch's thread pool and seed are process-wide and a worker runs many jobs over its life: every run
        // sets both, so nothing the previous job asked for carries over (a worker runs one job at a time).
        var runThreads = device.type == DeviceType.CPU && h.Threads is { } threads ? threads : workerThreads;
        set_num_threads(runThreads);
        manual_seed(h.Seed);
        var source = datasets.Resolve(spec.Dataset);
        using var splits = await source.LoadAsync(stop);
        using var data = PreparedSplits.Create(splits, spec.Dataset, h.Seed);
        var dataset = request.Resolution?.Dataset ?? source.Info;
        var plan = PlanNetwork(spec, dataset, request.Resolution);
        var computed = request.Resolution?.Normalization;
        if (computed is null && spec.Dataset.Transforms?.Normalize == NormalizationKinds.Auto)
        {
            computed = new NormalizationCache(Path.Combine(storage.DatasetRoot, source.Info.Name)).GetOrCompute(source.Info.Name, splits.Train);
            await observer.OnResolvedAsync(new JobResolution(plan.Network, dataset, computed), stop);
        }
        var pipelines = TrainingPipelines.For(plan, dataset, spec.Dataset.Transforms, h.Seed, computed);
        using var trainLoader = new BatchLoader(data.Train, h.BatchSize, shuffle: true, h.Seed, device, pipelines.Train);
        using var validationLoader = data.Validation is { Count: > 0 } v ? new BatchLoader(v, h.BatchSize, shuffle: false, h.Seed, device, pipelines.Eval) : null;
        using var testLoader = new BatchLoader(data.Test, h.BatchSize, shuffle: false, h.Seed, device, pipelines.Eval);

        using var model = ModuleBuilder.Build(plan.Network);
        WeightInitializer.Apply(model, spec.Model.Init);
        model.to(device);
        var optimizerSpec = h.ToOptimizerSpec();
        using var optimizer = RecipeOptimizerFactory.Create(optimizerSpec, model.parameters());
        var schedule = ScheduleFactory.Create(h.Schedule, h.LearningRate, h.Epochs, trainLoader.BatchesPerEpoch);
        var trainer = new EpochTrainer(model, optimizer, device, options.BatchProgressInterval,
            new TrainingStepSettings(schedule, h.GradientClipNorm, h.LabelSmoothing));
        var policy = new EpochPolicy(h, validationLoader is not null);
        var folder = storage.CheckpointFolder(request.JobId);

        var completed = 0;
        long step = 0;
        EpochProgress? inProgress = null;
        string? bestFile = null;
        int? stoppedAfter = null;
        if (request.ResumeFrom is { } resumePath)
        {
            var saved = await trainingCheckpoints.ReadAsync(resumePath, stop);
            StateDictConversion.LoadInto(model, saved.Model);
            OptimizerStateConversion.Restore(optimizer, saved.Optimizer, device);
            schedule.LoadState(saved.Scheduler);
            policy.LoadState(saved.Policy);
            saved.Rng.Restore(pipelines.Train);
            trainer.LastLearningRate = saved.LearningRate;
            // The partial epoch's steps are counted in the checkpoint's step and stored with that epoch when it ends.
            (completed, step, inProgress, bestFile, stoppedAfter) =
                (saved.Epoch, saved.Step - (saved.InProgress?.StepLosses.Length ?? 0), saved.InProgress, saved.BestFile, saved.StoppedEarlyAfter);
        }

        TrainingCheckpointContent Capture(int epochsDone, long steps, EpochProgress? partial) => new(
            request.JobId, request.Attempt, epochsDone, steps, partial, StateDictConversion.FromModule(model),
            OptimizerStateConversion.Capture(optimizer, optimizerSpec, trainer.LastLearningRate), schedule.SaveState(),
            policy.SaveState(), RngState.Capture(pipelines.Train), trainer.LastLearningRate, bestFile, stoppedAfter);

        async Task<TrainingResult> StopInsideEpochAsync(int epoch, EpochProgress partial)
        {
            var steps = step + partial.StepLosses.Length;
            var file = await WriteTrainingCheckpointAsync(folder, request.Attempt, Capture(epoch - 1, steps, partial));
            await observer.OnTrainingCheckpointSavedAsync(new SavedCheckpoint(CheckpointNames.Training, epoch - 1, steps, file), CancellationToken.None);
            return TrainingResult.Stopped(epoch - 1, steps);
        }

        for (var epoch = completed + 1; stoppedAfter is null && epoch <= h.Epochs; epoch++)
        {
            var start = inProgress ?? EpochProgress.Start;
            inProgress = null;
            // OpenMP keeps its thread count per OS thread, and every await may resume this run on another one:
            // pinned again where each synchronous stretch of compute begins, so the run reduces in one order.
            set_num_threads(runThreads);
            var clock = Stopwatch.StartNew();
            var train = trainer.Train(trainLoader, epoch, start, observer, stop);
            if (!train.IsComplete(trainLoader.BatchesPerEpoch))
            {
                return await StopInsideEpochAsync(epoch, train);
            }
            if (!double.IsFinite(train.Loss))
            {
                throw new TrainingDivergedException(epoch, train.Loss, trainer.LastLearningRate);
            }
            EvaluationResult? validation;
            try
            {
                validation = validationLoader is null ? null : Evaluator.Evaluate(model, validationLoader, device, spec.Model.NumClasses, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return await StopInsideEpochAsync(epoch, train);
            }
            var epochSeconds = start.TrainSeconds + clock.Elapsed.TotalSeconds;
            var metrics = new EpochMetrics(epoch, train.Loss, train.Accuracy, validation?.Loss, validation?.Accuracy, trainer.LastLearningRate,
                epochSeconds, train.Count / train.TrainSeconds, validation?.Top5Accuracy, PeakMemory.ReadBytes());
            schedule.ObserveEpoch(epoch, policy.ScheduleSignal(metrics));
            var isBest = policy.IsBest(metrics);
            if (policy.ShouldStop(metrics))
            {
                stoppedAfter = epoch;
            }

            var firstStep = step;
            step += train.StepLosses.Length;
            var weights = StateDictConversion.FromModule(model);
            var checkpoints = new List<SavedCheckpoint>();
            foreach (var name in isBest ? CheckpointNames.All : [CheckpointNames.Last])
            {
                var path = Path.Combine(folder, $"{name}.a{request.Attempt}.e{epoch}.pth");
                checkpoints.Add(new SavedCheckpoint(name, epoch, step, await checkpointWriter.WriteAsync(path, weights, CancellationToken.None)));
                if (name == CheckpointNames.Best)
                {
                    bestFile = Path.GetFileName(path);
                }
            }
            var trainingFile = await WriteTrainingCheckpointAsync(folder, request.Attempt, Capture(epoch, step, null));
            checkpoints.Add(new SavedCheckpoint(CheckpointNames.Training, epoch, step, trainingFile));
            await observer.OnEpochCompletedAsync(new CompletedEpoch(metrics, firstStep, train.StepLosses, checkpoints), CancellationToken.None);
            completed = epoch;
            if (stop.IsCancellationRequested && (stoppedAfter is null && epoch < h.Epochs))
            {
                return TrainingResult.Stopped(epoch, step);
            }
        }

        var bestPath = Path.Combine(folder, bestFile ?? throw new InvalidOperationException("No epoch was trained, so there is no best checkpoint."));
        await using (var best = File.OpenRead(bestPath))
        {
            StateDictConversion.LoadInto(model, new PthReader().Read(best));
        }
        set_num_threads(runThreads);
        using var confusion = new ConfusionMatrix(spec.Model.NumClasses, device);
        EvaluationResult test;
        try
        {
            test = Evaluator.Evaluate(model, testLoader, device, spec.Model.NumClasses, stop, confusion);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Every epoch is stored with its training checkpoint; a resumed run only evaluates.
            return TrainingResult.Stopped(completed, step);
        }
        var classNames = ClassNames(dataset, spec.Model.NumClasses);
        var matrix = confusion.Read();
        return TrainingResult.Finished(new TrainingOutcome(test.Loss, test.Accuracy, policy.BestEpoch)
        {
            Evaluation = new TestEvaluation(policy.BestEpoch, test.Loss, test.Accuracy, test.Top5Accuracy, test.Count, classNames,
                ClassificationReport.From(matrix, classNames), matrix),
            StoppedEarlyAfterEpoch = stoppedAfter,
        }, completed, step);
    }

    private async Task<CheckpointFile> WriteTrainingCheckpointAsync(string folder, int attempt, TrainingCheckpointContent content) =>
        await trainingCheckpoints.WriteAsync(
            Path.Combine(folder, $"{CheckpointNames.Training}.a{attempt}.e{content.Epoch}.s{content.Step}.pth"), content, CancellationToken.None);

    private NetworkPlan PlanNetwork(TrainingJobSpec spec, DatasetInfo dataset, JobResolution? resolution)
    {
        var errors = new ValidationErrors();
        var plan = planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, errors)
            ?? throw new InvalidOperationException("The job's network does not fit its data: "
                + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return resolution is null ? plan : plan with { Network = resolution.Network };
    }

    private static IReadOnlyList<string> ClassNames(DatasetInfo dataset, int numClasses) =>
        Enumerable.Range(0, numClasses).Select(c => c < dataset.ClassNames.Count ? dataset.ClassNames[c] : $"class {c}").ToList();
}
