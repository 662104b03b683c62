using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;
using static TrainingService.Core.Models.Layers;

namespace TrainingService.Core.Models.AlexNet;

/// <summary>The AlexNet networks of the specification: the paper's two readings, torchvision's, and a CIFAR-10 adaptation.</summary>
internal static class AlexNetFamily
{
    private const string Family = "AlexNet";

    public static void Register(ModelRegistry registry)
    {
        registry.Register(new ModelDefinition("alexnet", Family,
            "AlexNet as in the paper (96-256-384-384-256), padding 2 on conv1 so 224x224 gives the paper's 55x55.",
            new InputShape(3, 224, 224), 1000, options => new NetworkSpec("alexnet", Paper(options), new InputShape(3, 224, 224))));
        registry.Register(new ModelDefinition("alexnet-227", Family,
            "The paper's AlexNet on 227x227 without conv1 padding, as plain conv1..conv5 and fc1..fc3 modules.",
            new InputShape(3, 227, 227), 1000, options => new NetworkSpec("alexnet-227", Unpadded(options), new InputShape(3, 227, 227))));
        registry.Register(new ModelDefinition("alexnet-tv", Family,
            "torchvision's AlexNet (64-192-384-256-256): features, adaptive 6x6 average pooling, classifier.",
            new InputShape(3, 224, 224), 1000, options => new NetworkSpec("alexnet-tv", Torchvision(options), new InputShape(3, 224, 224))));
        registry.Register(new ModelDefinition("alexnet-cifar10", Family,
            "AlexNet adapted to 32x32 CIFAR-10 images: 3x3 convolutions and 2x2 max pooling.",
            new InputShape(3, 32, 32), 10, options => new NetworkSpec("alexnet-cifar10", Cifar(options), new InputShape(3, 32, 32))));
    }

    private static ChainSpec Paper(ModelBuildOptions options) => Blocks(MaxPool(3, 2), 256 * 6 * 6, options.NumClasses,
        new Conv2dSpec(3, 96, 11, Stride: 4, Padding: 2), new Conv2dSpec(96, 256, 5, Padding: 2),
        new Conv2dSpec(256, 384, 3, Padding: 1), new Conv2dSpec(384, 384, 3, Padding: 1), new Conv2dSpec(384, 256, 3, Padding: 1));

    private static ChainSpec Cifar(ModelBuildOptions options) => Blocks(MaxPool(2, 2), 256 * 4 * 4, options.NumClasses,
        new Conv2dSpec(3, 64, 3, Padding: 1), new Conv2dSpec(64, 256, 3, Padding: 1),
        new Conv2dSpec(256, 384, 3, Padding: 1), new Conv2dSpec(384, 256, 3, Padding: 1), new Conv2dSpec(256, 256, 3, Padding: 1));

    /// <summary>The course material's layout: conv1..conv5 and fc1..fc3 as Sequentials whose indices are the keys.</summary>
    private static ChainSpec Blocks(MaxPool2dSpec pool, int features, int classes, params Conv2dSpec[] convs) => new("AlexNet",
    [
        Child("conv1", new SequentialSpec(convs[0], ReLU, pool)),
        Child("conv2", new SequentialSpec(convs[1], ReLU, pool)),
        Child("conv3", new SequentialSpec(convs[2], ReLU)),
        Child("conv4", new SequentialSpec(convs[3], ReLU)),
        Child("conv5", new SequentialSpec(convs[4], ReLU, pool)),
        Child("fc1", new SequentialSpec(Flatten, new LinearSpec(features, 4096), ReLU, new DropoutSpec(0.5))),
        Child("fc2", new SequentialSpec(new LinearSpec(4096, 4096), ReLU, new DropoutSpec(0.5))),
        Child("fc3", new SequentialSpec(new LinearSpec(4096, classes))),
    ]);

    private static ChainSpec Unpadded(ModelBuildOptions options) => new("AlexNet",
    [
        Child("conv1", new Conv2dSpec(3, 96, 11, Stride: 4)), Functional(ReLU), Child("pool1", MaxPool(3, 2)),
        Child("conv2", new Conv2dSpec(96, 256, 5, Padding: 2)), Functional(ReLU), Child("pool2", MaxPool(3, 2)),
        Child("conv3", new Conv2dSpec(256, 384, 3, Padding: 1)), Functional(ReLU),
        Child("conv4", new Conv2dSpec(384, 384, 3, Padding: 1)), Functional(ReLU),
        Child("conv5", new Conv2dSpec(384, 256, 3, Padding: 1)), Functional(ReLU), Child("pool3", MaxPool(3, 2)),
        Functional(Flatten), Functional(new DropoutSpec(0.5)),
        Child("fc1", new LinearSpec(256 * 6 * 6, 4096)), Functional(ReLU), Functional(new DropoutSpec(0.5)),
        Child("fc2", new LinearSpec(4096, 4096)), Functional(ReLU),
        Child("fc3", new LinearSpec(4096, options.NumClasses)),
    ]);

    private static ChainSpec Torchvision(ModelBuildOptions options) => new("AlexNet",
    [
        Child("features", new SequentialSpec(
            new Conv2dSpec(3, 64, 11, Stride: 4, Padding: 2), ReLU, MaxPool(3, 2),
            new Conv2dSpec(64, 192, 5, Padding: 2), ReLU, MaxPool(3, 2),
            new Conv2dSpec(192, 384, 3, Padding: 1), ReLU,
            new Conv2dSpec(384, 256, 3, Padding: 1), ReLU,
            new Conv2dSpec(256, 256, 3, Padding: 1), ReLU, MaxPool(3, 2))),
        Child("avgpool", new AdaptiveAvgPool2dSpec(6, 6)),
        Functional(Flatten),
        Child("classifier", new SequentialSpec(
            new DropoutSpec(0.5), new LinearSpec(256 * 6 * 6, 4096), ReLU,
            new DropoutSpec(0.5), new LinearSpec(4096, 4096), ReLU,
            new LinearSpec(4096, options.NumClasses))),
    ]);
}
