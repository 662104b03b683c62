using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;
using static TrainingService.Core.Models.Layers;

namespace TrainingService.Core.Models.SmallCnn;

/// <summary>The small CNNs of the course material: a three-stage CIFAR network and a batch-normalised MNIST network.</summary>
internal static class SmallCnnFamily
{
    private const string Family = "SmallCNN";

    private static readonly InputShape Cifar = new(3, 32, 32);
    private static readonly InputShape Mnist = new(1, 28, 28);

    public static void Register(ModelRegistry registry)
    {
        registry.Register(new ModelDefinition("simplecnn", Family,
            "Three conv-ReLU-maxpool stages (32, 64, 128 channels) and three linear layers, for 32x32 colour images.",
            Cifar, 10, options => new NetworkSpec("simplecnn", SimpleCnn(options.NumClasses), Cifar)));
        registry.Register(new ModelDefinition("mnist-cnn", Family,
            "Four 3x3 convolutions with batch normalisation (16, 32, 64, 128 channels) and three linear layers, for 28x28 digits.",
            Mnist, 10, options => new NetworkSpec("mnist-cnn", MnistCnn(options.NumClasses), Mnist)));
    }

    private static ChainSpec SimpleCnn(int classes) => new("SimpleCNN",
    [
        Child("layer1", new NamedSequentialSpec(("conv1", new Conv2dSpec(3, 32, 3, Padding: 1)), ("relu1", ReLU), ("pool1", MaxPool(2, 2)))),
        Child("layer2", new NamedSequentialSpec(("conv2", new Conv2dSpec(32, 64, 3, Padding: 1)), ("relu2", ReLU), ("pool2", MaxPool(2, 2)))),
        Child("layer3", new NamedSequentialSpec(("conv3", new Conv2dSpec(64, 128, 3, Padding: 1)), ("relu3", ReLU), ("pool3", MaxPool(2, 2)))),
        Functional(Flatten),
        Child("layer4", new NamedSequentialSpec(
            ("fc1", new LinearSpec(128 * 4 * 4, 512)), ("relu4", ReLU),
            ("fc2", new LinearSpec(512, 64)), ("relu5", ReLU),
            ("fc3", new LinearSpec(64, classes)))),
    ]);

    private static ChainSpec MnistCnn(int classes) => new("CNN",
    [
        Child("layer1", new SequentialSpec(new Conv2dSpec(1, 16, 3), new BatchNorm2dSpec(16), ReLU)),
        Child("layer2", new SequentialSpec(new Conv2dSpec(16, 32, 3), new BatchNorm2dSpec(32), ReLU, MaxPool(2, 2))),
        Child("layer3", new SequentialSpec(new Conv2dSpec(32, 64, 3), new BatchNorm2dSpec(64), ReLU)),
        Child("layer4", new SequentialSpec(new Conv2dSpec(64, 128, 3), new BatchNorm2dSpec(128), ReLU, MaxPool(2, 2))),
        Functional(Flatten),
        Child("fc", new SequentialSpec(
            new LinearSpec(128 * 4 * 4, 1024), ReLU,
            new LinearSpec(1024, 128), ReLU,
            new LinearSpec(128, classes))),
    ]);
}
