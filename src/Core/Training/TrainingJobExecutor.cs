using System.Diagnostics;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Training;

/// <summary>
/// Trains one job from its spec: data, network, optimizer, the epoch loop with checkpoints, and
/// the final test evaluation of the best checkpoint. Everything it produces goes to the observer.
/// </summary>
public sealed class TrainingJobExecutor(DatasetRegistry datasets, ModelRegistry models, CheckpointWriter checkpointWriter, TrainingOptions options, StorageOptions storage)
{
    public async Task<TrainingOutcome> RunAsync(Guid jobId, TrainingJobSpec spec, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        var device = TrainingDevice.Resolve(options.Device);
        var h = spec.Hyperparameters;
        manual_seed(h.Seed);
        var source = datasets.Resolve(spec.Dataset);
        using var splits = await source.LoadAsync(cancellationToken);
        using var data = PreparedSplits.Create(splits, spec.Dataset, h.Seed);
        var definition = models.Get(spec.Model.Name);
        var channels = spec.Dataset.Transforms?.Channels ?? source.Info.Channels;
        var transform = InputPipeline.For(source.Info, spec.Dataset.Transforms, definition.InputFor(channels));
        using var trainLoader = new BatchLoader(data.Train, h.BatchSize, shuffle: true, h.Seed, device, transform);
        using var validationLoader = data.Validation is { Count: > 0 } v ? new BatchLoader(v, h.BatchSize, shuffle: false, h.Seed, device, transform) : null;
        using var testLoader = new BatchLoader(data.Test, h.BatchSize, shuffle: false, h.Seed, device, transform);

        using var model = definition.Build(new ModelBuildOptions(channels, spec.Model.NumClasses));
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
