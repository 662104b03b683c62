using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Training;

[Collection(Models.ZooCollection.Name)]
public sealed class TrainingRecipeTests : IDisposable
{
    private readonly ExecutorHarness _harness = new();

    private static TrainingJobSpec Spec(ModelSpec model, DatasetSpec dataset, Hyperparameters h) => new("recipe", model, dataset, h);

    [Fact]
    public async Task AlexNet_for_cifar_trains_an_epoch_on_a_generated_cifar10_file_set_with_crop_flip_and_auto_normalisation()
    {
        var transforms = new InputTransformsSpec
        {
            Train = [new TransformStepSpec("RandomCrop", Size: 32, Padding: 4), new TransformStepSpec("RandomHorizontalFlip", P: 0.5)],
            Normalize = NormalizationKinds.Auto,
        };
        var spec = Spec(new ModelSpec("alexnet-cifar10", 10), new DatasetSpec("cifar10", 0.2, Transforms: transforms),
            new Hyperparameters(1, 50, 0.01, "sgd", 0.9, 0, 1));
        var observer = new RecordingObserver();

        var outcome = await _harness.TrainAsync(spec, observer);

        Assert.Single(observer.Epochs);
        Assert.Equal(8, observer.StepLosses.Count);
        Assert.Equal(100, outcome.Evaluation!.Count);
        Assert.True(File.Exists(Path.Combine(_harness.Storage.DatasetRoot, "cifar10", "normalization.json")));
    }

    [Fact]
    public async Task A_step_schedule_sets_the_rate_each_epoch_uses_and_early_stopping_ends_the_run()
    {
        var h = new Hyperparameters(6, 64, 0.1, "sgd", 0, 0, 3)
        {
            Schedule = new ScheduleSpec("step") { StepSize = 1, Gamma = 0.5 },
            EarlyStopping = new EarlyStoppingSpec(MetricNames.ValidationAccuracy, MetricMode.Max, Patience: 1, MinDelta: 0.5),
        };
        var spec = Spec(new ModelSpec("simplecnn", 10),
            new DatasetSpec("synthetic", 0.25, Synthetic: new TrainingService.Core.Datasets.Synthetic.SyntheticDatasetSpec(TrainSize: 256, TestSize: 64)), h);
        var observer = new RecordingObserver();

        var outcome = await _harness.TrainAsync(spec, observer);

        Assert.Equal([0.1, 0.05], observer.Epochs.Select(e => e.LearningRate));
        Assert.Equal(2, outcome.StoppedEarlyAfterEpoch);
        Assert.Equal(1, outcome.BestEpoch);
    }

    [Fact]
    public async Task The_same_spec_and_seed_on_the_cpu_give_the_same_metrics_to_one_in_a_million()
    {
        var spec = Spec(new ModelSpec("simplecnn", 10),
            new DatasetSpec("synthetic", 0.25, Synthetic: new TrainingService.Core.Datasets.Synthetic.SyntheticDatasetSpec(TrainSize: 256, TestSize: 64),
                Transforms: new InputTransformsSpec { Train = [new TransformStepSpec("RandomCrop", 32, 4), new TransformStepSpec("RandomHorizontalFlip")] }),
            new Hyperparameters(2, 32, 0.05, "sgd", 0.9, 0, 11));
        var first = new RecordingObserver();
        var second = new RecordingObserver();

        await _harness.TrainAsync(spec, first);
        await _harness.TrainAsync(spec, second);

        Assert.All(first.Epochs.Zip(second.Epochs), pair =>
        {
            Assert.Equal(pair.First.TrainLoss, pair.Second.TrainLoss, 1e-6);
            Assert.Equal(pair.First.ValidationLoss!.Value, pair.Second.ValidationLoss!.Value, 1e-6);
            Assert.Equal(pair.First.ValidationAccuracy, pair.Second.ValidationAccuracy);
        });
        Assert.Equal(first.StepLosses, second.StepLosses);
    }

    [Fact]
    public async Task An_uploaded_image_folder_trains_simplecnn()
    {
        var catalog = new ImageFolderCatalog(_harness.Storage.DatasetRoot);
        var zip = new Datasets.UploadZip();
        for (var i = 0; i < 24; i++)
        {
            zip.Add($"train/{(i % 2 == 0 ? "cat" : "dog")}/{i}.png", Datasets.EncodedImages.Png(32, 32, i));
        }
        var manifest = await new ImageFolderImporter(catalog, new ImageFolderLimits(), TimeProvider.System)
            .ImportAsync(zip.ToStream(), new ImageFolderImportRequest("pets"), CancellationToken.None);
        _harness.Datasets.Register(new UploadedImageFolders(catalog));
        var spec = Spec(new ModelSpec("simplecnn", 2), new DatasetSpec("imagefolder", 0.2, Id: manifest.Id), new Hyperparameters(1, 8, 0.01, "sgd", 0.9, 0, 1));
        var observer = new RecordingObserver();

        var outcome = await _harness.TrainAsync(spec, observer);

        Assert.Single(observer.Epochs);
        Assert.Equal(["cat", "dog"], outcome.Evaluation!.ClassNames);
        Assert.Equal(manifest.TestCount, outcome.Evaluation.Count);
    }

    public void Dispose() => _harness.Dispose();
}
