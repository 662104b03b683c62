using System.Diagnostics;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// Trains one job from its spec: data, network, optimizer, the epoch loop with checkpoints, and
/// the final test evaluation of the best checkpoint. Everything it produces goes to the observer.
/// </summary>
public sealed class TrainingJobExecutor(DatasetRegistry datasets, NetworkPlanner planner, CheckpointWriter checkpointWriter, TrainingOptions options, StorageOptions storage)
{
    private NetworkPlan PlanNetwork(TrainingJobSpec spec, DatasetInfo dataset)
    {
        var errors = new ValidationErrors();
        return planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, errors)
            ?? throw new InvalidOperationException("The job's network does not fit its data: "
                + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    public async Task<TrainingOutcome> RunAsync(Guid jobId, TrainingJobSpec spec, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        var device = TrainingDevice.Resolve(options.Device);
        var h = spec.Hyperparameters;
        manual_seed(h.Seed);
        var source = datasets.Resolve(spec.Dataset);
        using var splits = await source.LoadAsync(cancellationToken);
        using var data = PreparedSplits.Create(splits, spec.Dataset, h.Seed);
        var plan = PlanNetwork(spec, source.Info);
        using var trainLoader = new BatchLoader(data.Train, h.BatchSize, shuffle: true, h.Seed, device, plan.Pipeline);
        using var validationLoader = data.Validation is { Count: > 0 } v ? new BatchLoader(v, h.BatchSize, shuffle: false, h.Seed, device, plan.Pipeline) : null;
        using var testLoader = new BatchLoader(data.Test, h.BatchSize, shuffle: false, h.Seed, device, plan.Pipeline);

        using var model = ModuleBuilder.Build(plan.Network);
        WeightInitializer.Apply(model, spec.Model.Init);
        model.to(device);
        using var optimizer = OptimizerFactory.Create(h, model.parameters());
        var trainer = new EpochTrainer(model, optimizer, device, options.BatchProgressInterval);
        var folder = storage.CheckpointFolder(jobId);
        var selection = new BestCheckpointSelection();

        for (var epoch = 1; epoch <= h.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var train = trainer.Train(trainLoader, epoch, observer, cancellationToken);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var validation = validationLoader is null ? null : Evaluator.Evaluate(model, validationLoader, device, cancellationToken);
            var metrics = new EpochMetrics(epoch, train.Loss, train.Accuracy, validation?.Loss, validation?.Accuracy,
                h.LearningRate, clock.Elapsed.TotalSeconds, train.Count / trainSeconds);

            var state = StateDictConversion.FromModule(model);
            var names = selection.Offer(epoch, validation?.Accuracy ?? train.Accuracy)
                ? CheckpointNames.All
                : [CheckpointNames.Last];
            foreach (var name in names)
            {
                var file = await checkpointWriter.WriteAsync(Path.Combine(folder, name + ".pth"), state, cancellationToken);
                await observer.OnCheckpointSavedAsync(new SavedCheckpoint(name, epoch, file), cancellationToken);
            }
            await observer.OnEpochCompletedAsync(metrics, cancellationToken);
        }

        await using (var best = File.OpenRead(Path.Combine(folder, CheckpointNames.Best + ".pth")))
        {
            StateDictConversion.LoadInto(model, new PthReader().Read(best));
        }
        var test = Evaluator.Evaluate(model, testLoader, device, cancellationToken);
        return new TrainingOutcome(test.Loss, test.Accuracy, selection.BestEpoch);
    }
}
