using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public class DatasetRegistryTests
{
    private readonly DatasetFileStore store = new(Path.GetTempPath(), http: null);

    [Fact]
    public void The_default_registry_lists_mnist_fashion_mnist_cifar10_synthetic_and_imagefolder()
    {
        var names = DatasetRegistry.CreateDefault(store).List().Select(info => info.Name);

        Assert.Equal(["mnist", "fashion-mnist", "cifar10", "synthetic", "imagefolder"], names);
    }

    [Fact]
    public void Registering_a_dataset_whose_name_differs_only_in_letter_case_is_refused()
    {
        var registry = DatasetRegistry.CreateDefault(store);
        var shouting = MnistDataset.Definition with { Info = MnistDataset.Definition.Info with { Name = "MNIST" } };

        var error = Assert.Throws<InvalidOperationException>(
            () => registry.Register(new IdxDatasetSource(shouting, store)));

        Assert.Contains("'mnist' is already registered", error.Message);
        Assert.Equal(5, registry.List().Count);
    }

    [Fact]
    public void Lookups_ignore_letter_case()
    {
        var registry = DatasetRegistry.CreateDefault(store);

        Assert.True(registry.TryGet("Fashion-MNIST", out var source));
        Assert.Equal("fashion-mnist", source.Info.Name);
        Assert.Same(source, registry.Get("FASHION-mnist"));
    }

    [Fact]
    public void Getting_an_unknown_dataset_names_the_known_ones()
    {
        var registry = DatasetRegistry.CreateDefault(store);

        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("cifar-10"));

        Assert.Equal("No dataset named 'cifar-10'. Known datasets: mnist, fashion-mnist, cifar10, synthetic, imagefolder.", error.Message);
        Assert.False(registry.TryGet("cifar-10", out _));
    }
}
