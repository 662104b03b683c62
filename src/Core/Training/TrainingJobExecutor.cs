using System.Diagnostics;
using TorchSharp;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// Trains one job from its spec: data, network, optimizer and schedule, the epoch loop with
/// checkpoints and early stopping, and the final test evaluation of the selected checkpoint.
/// Everything it produces goes to the observer.
/// </summary>
public sealed class TrainingJobExecutor(DatasetRegistry datasets, NetworkPlanner planner, CheckpointWriter checkpointWriter, TrainingOptions options, StorageOptions storage)
{
    public async Task<TrainingOutcome> RunAsync(Guid jobId, TrainingJobSpec spec, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        var h = spec.Hyperparameters;
        var device = TrainingDevice.Resolve(h.Device == "auto" ? options.Device : h.Device);
        if (h.Threads is { } threads && device.type == DeviceType.CPU) set_num_threads(threads);
        manual_seed(h.Seed);
        var source = datasets.Resolve(spec.Dataset);
        using var splits = await source.LoadAsync(cancellationToken);
        using var data = PreparedSplits.Create(splits, spec.Dataset, h.Seed);
        var plan = PlanNetwork(spec, source.Info);
        var computed = spec.Dataset.Transforms?.Normalize == NormalizationKinds.Auto
            ? new NormalizationCache(Path.Combine(storage.DatasetRoot, source.Info.Name)).GetOrCompute(source.Info.Name, splits.Train)
            : null;
        var pipelines = TrainingPipelines.For(plan, source.Info, spec.Dataset.Transforms, h.Seed, computed);
        using var trainLoader = new BatchLoader(data.Train, h.BatchSize, shuffle: true, h.Seed, device, pipelines.Train);
        using var validationLoader = data.Validation is { Count: > 0 } v ? new BatchLoader(v, h.BatchSize, shuffle: false, h.Seed, device, pipelines.Eval) : null;
        using var testLoader = new BatchLoader(data.Test, h.BatchSize, shuffle: false, h.Seed, device, pipelines.Eval);

        using var model = ModuleBuilder.Build(plan.Network);
        WeightInitializer.Apply(model, spec.Model.Init);
        model.to(device);
        using var optimizer = RecipeOptimizerFactory.Create(h.ToOptimizerSpec(), model.parameters());
        var schedule = ScheduleFactory.Create(h.Schedule, h.LearningRate, h.Epochs, trainLoader.BatchesPerEpoch);
        var steps = new StepLossRecorder();
        var trainer = new EpochTrainer(model, optimizer, device, options.BatchProgressInterval,
            new TrainingStepSettings(schedule, h.GradientClipNorm, h.LabelSmoothing, steps));
        var policy = new EpochPolicy(h, validationLoader is not null);
        var folder = storage.CheckpointFolder(jobId);
        int? stoppedAfter = null;

        for (var epoch = 1; epoch <= h.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var firstStep = steps.Count;
            var train = trainer.Train(trainLoader, epoch, observer, cancellationToken);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            if (!double.IsFinite(train.Loss))
            {
                throw new TrainingDivergedException(epoch, train.Loss, trainer.LastLearningRate);
            }
            var validation = validationLoader is null ? null : Evaluator.Evaluate(model, validationLoader, device, spec.Model.NumClasses, cancellationToken);
            var metrics = new EpochMetrics(epoch, train.Loss, train.Accuracy, validation?.Loss, validation?.Accuracy, trainer.LastLearningRate,
                clock.Elapsed.TotalSeconds, train.Count / trainSeconds, validation?.Top5Accuracy, PeakMemory.ReadBytes());
            schedule.ObserveEpoch(epoch, policy.ScheduleSignal(metrics));

            var state = StateDictConversion.FromModule(model);
            foreach (var name in policy.IsBest(metrics) ? CheckpointNames.All : [CheckpointNames.Last])
            {
                var file = await checkpointWriter.WriteAsync(Path.Combine(folder, name + ".pth"), state, cancellationToken);
                await observer.OnCheckpointSavedAsync(new SavedCheckpoint(name, epoch, file), cancellationToken);
            }
            await observer.OnEpochCompletedAsync(metrics, firstStep, steps.Slice(firstStep, steps.Count), cancellationToken);
            if (policy.ShouldStop(metrics))
            {
                stoppedAfter = epoch;
                break;
            }
        }

        await using (var best = File.OpenRead(Path.Combine(folder, CheckpointNames.Best + ".pth")))
        {
            StateDictConversion.LoadInto(model, new PthReader().Read(best));
        }
        using var confusion = new ConfusionMatrix(spec.Model.NumClasses, device);
        var test = Evaluator.Evaluate(model, testLoader, device, spec.Model.NumClasses, cancellationToken, confusion);
        var classNames = ClassNames(source.Info, spec.Model.NumClasses);
        var matrix = confusion.Read();
        return new TrainingOutcome(test.Loss, test.Accuracy, policy.BestEpoch)
        {
            Evaluation = new TestEvaluation(policy.BestEpoch, test.Loss, test.Accuracy, test.Top5Accuracy, test.Count, classNames,
                ClassificationReport.From(matrix, classNames), matrix),
            StoppedEarlyAfterEpoch = stoppedAfter,
        };
    }

    private NetworkPlan PlanNetwork(TrainingJobSpec spec, DatasetInfo dataset)
    {
        var errors = new ValidationErrors();
        return planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, errors)
            ?? throw new InvalidOperationException("The job's network does not fit its data: "
                + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    private static IReadOnlyList<string> ClassNames(DatasetInfo dataset, int numClasses) =>
        Enumerable.Range(0, numClasses).Select(c => c < dataset.ClassNames.Count ? dataset.ClassNames[c] : $"class {c}").ToList();
}
