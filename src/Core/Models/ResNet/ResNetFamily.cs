using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;
using static TrainingService.Core.Models.Layers;

namespace TrainingService.Core.Models.ResNet;

/// <summary>
/// ResNets of BasicBlocks: the CIFAR layout of the course material (3 stages of n blocks, 3x3 projection shortcuts)
/// and torchvision's ImageNet layout (4 stages, 1x1 downsample shortcuts) with its key names.
/// </summary>
internal static class ResNetFamily
{
    private const string Family = "ResNet";

    private static readonly InputShape Cifar = new(3, 32, 32);
    private static readonly InputShape ImageNet = new(3, 224, 224);

    public static void Register(ModelRegistry registry)
    {
        foreach (var (depth, blocks) in new[] { (20, 3), (32, 5), (56, 9) })
        {
            var name = $"resnet{depth}";
            registry.Register(new ModelDefinition(name, Family,
                $"ResNet-{depth} for CIFAR: 3 stages of {blocks} basic blocks (16, 32, 64 channels), 3x3 projection shortcuts.",
                Cifar, 10, options => new NetworkSpec(name, CifarNetwork(blocks, options.NumClasses), Cifar)));
        }

        foreach (var (depth, blocks) in new[] { (18, new[] { 2, 2, 2, 2 }), (34, new[] { 3, 4, 6, 3 }) })
        {
            var name = $"resnet{depth}";
            registry.Register(new ModelDefinition(name, Family,
                $"ResNet-{depth} as torchvision builds it: 4 stages of basic blocks ({string.Join('-', blocks)}), 1x1 downsample shortcuts.",
                ImageNet, 1000, options => new NetworkSpec(name, ImageNetNetwork(blocks, options.NumClasses), ImageNet)));
        }
    }

    private static ChainSpec CifarNetwork(int blocks, int classes) => new("ResNet",
    [
        Child("conv", new Conv2dSpec(3, 16, 3, Padding: 1, Bias: false)),
        Child("bn", new BatchNorm2dSpec(16)),
        Functional(ReLU),
        Child("layer1", Stage(blocks, 16, 16, stride: 1, shortcutKernel: 3)),
        Child("layer2", Stage(blocks, 16, 32, stride: 2, shortcutKernel: 3)),
        Child("layer3", Stage(blocks, 32, 64, stride: 2, shortcutKernel: 3)),
        Child("avgpool", new AvgPool2dSpec(8, 8)),
        Functional(Flatten),
        Child("fc", new LinearSpec(64, classes)),
    ]);

    private static ChainSpec ImageNetNetwork(int[] blocks, int classes) => new("ResNet",
    [
        Child("conv1", new Conv2dSpec(3, 64, 7, Stride: 2, Padding: 3, Bias: false)),
        Child("bn1", new BatchNorm2dSpec(64)),
        Child("relu", ReLU),
        Child("maxpool", MaxPool(3, 2, padding: 1)),
        Child("layer1", Stage(blocks[0], 64, 64, stride: 1, shortcutKernel: 1)),
        Child("layer2", Stage(blocks[1], 64, 128, stride: 2, shortcutKernel: 1)),
        Child("layer3", Stage(blocks[2], 128, 256, stride: 2, shortcutKernel: 1)),
        Child("layer4", Stage(blocks[3], 256, 512, stride: 2, shortcutKernel: 1)),
        Child("avgpool", new AdaptiveAvgPool2dSpec(1, 1)),
        Functional(Flatten),
        Child("fc", new LinearSpec(512, classes)),
    ]);

    /// <summary>Only the first block changes the shape, so only it gets a projection shortcut (torchvision's _make_layer).</summary>
    private static SequentialSpec Stage(int blocks, int input, int output, int stride, int shortcutKernel) => new(
        Enumerable.Range(0, blocks)
            .Select(index => index == 0
                ? new BasicBlockSpec(input, output, stride, stride != 1 || input != output ? shortcutKernel : null)
                : new BasicBlockSpec(output, output))
            .ToList<ModuleSpec>());
}
