using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>Hand-built descriptions that together use every module type and every way of composing them.</summary>
internal static class SampleNetworks
{
    public static readonly ActivationSpec ReLU = new(ActivationKind.ReLU);
    public static readonly ActivationSpec Tanh = new(ActivationKind.Tanh);

    /// <summary>The spec's worked example: the seed's LeNet as a custom Sequential, without the third Linear.</summary>
    public static NetworkSpec CustomLeNet() => new("custom-lenet", new SequentialSpec(
        new Conv2dSpec(1, 6, 5), Tanh, new AvgPool2dSpec(2, 2), new Conv2dSpec(6, 16, 5), Tanh, new AvgPool2dSpec(2, 2),
        new FlattenSpec(), new LinearSpec(400, 120), Tanh, new LinearSpec(120, 84)), new InputShape(1, 32, 32));

    /// <summary>LeNet-5 as the spec's reference class writes it: named layers, tanh applied functionally.</summary>
    public static NetworkSpec LeNet5() => new("lenet5", new ChainSpec("LeNet5",
    [
        Child("conv1", new Conv2dSpec(1, 6, 5)), Functional(Tanh), Child("pool1", new AvgPool2dSpec(2, 2)),
        Child("conv2", new Conv2dSpec(6, 16, 5)), Functional(Tanh), Child("pool2", new AvgPool2dSpec(2, 2)),
        Functional(new FlattenSpec()),
        Child("fc1", new LinearSpec(400, 120)), Functional(Tanh),
        Child("fc2", new LinearSpec(120, 84)), Functional(Tanh),
        Child("fc3", new LinearSpec(84, 10)),
    ]), new InputShape(1, 32, 32));

    /// <summary>The spec's <c>mnist-cnn</c>: a chain of Sequentials with batch normalisation.</summary>
    public static NetworkSpec MnistCnn() => new("mnist-cnn", new ChainSpec("MnistCnn",
    [
        Child("layer1", new SequentialSpec(new Conv2dSpec(1, 16, 3), new BatchNorm2dSpec(16), ReLU)),
        Child("layer2", new SequentialSpec(new Conv2dSpec(16, 32, 3), new BatchNorm2dSpec(32), ReLU, new MaxPool2dSpec(2, 2))),
        Child("layer3", new SequentialSpec(new Conv2dSpec(32, 64, 3), new BatchNorm2dSpec(64), ReLU)),
        Child("layer4", new SequentialSpec(new Conv2dSpec(64, 128, 3), new BatchNorm2dSpec(128), ReLU, new MaxPool2dSpec(2, 2))),
        Functional(new FlattenSpec()),
        Child("fc", new SequentialSpec(new LinearSpec(128 * 4 * 4, 1024), ReLU, new LinearSpec(1024, 128), ReLU, new LinearSpec(128, 10))),
    ]), new InputShape(1, 28, 28));

    /// <summary>A BasicConv2d stem and two Inception-v3 A blocks, as the spec's <c>inception-cifar</c>.</summary>
    public static NetworkSpec InceptionCifar() => new("inception-cifar", new ChainSpec("InceptionCifar",
    [
        Child("stem", new BasicConv2dSpec(3, 64, 3, Padding: 1)),
        Child("inception1", new InceptionASpec(64, 32)),
        Child("pool", new MaxPool2dSpec(2, 2)),
        Child("inception2", new InceptionASpec(256, 64)),
        Child("avgpool", new AdaptiveAvgPool2dSpec(1, 1)),
        Functional(new FlattenSpec()),
        Child("fc", new LinearSpec(288, 10)),
    ]), new InputShape(3, 32, 32));

    /// <summary>The start of torchvision's GoogLeNet: rounding-up pools and one Inception block.</summary>
    public static NetworkSpec TinyGoogLeNet() => new("tiny-googlenet", new ChainSpec("TinyGoogLeNet",
    [
        Child("conv1", new BasicConv2dSpec(3, 64, 7, Stride: 2, Padding: 3)),
        Child("maxpool1", new MaxPool2dSpec(3, 2, CeilMode: true)),
        Child("inception3a", new GoogLeNetInceptionSpec(64, 64, 96, 128, 16, 32, 32)),
        Child("avgpool", new AdaptiveAvgPool2dSpec(1, 1)),
        Functional(new FlattenSpec()),
        Child("dropout", new DropoutSpec(0.2)),
        Child("fc", new LinearSpec(256, 10)),
    ]), new InputShape(3, 224, 224));

    /// <summary>A CIFAR ResNet with one identity block and two downsampling ones (3x3 and 1x1 projections).</summary>
    public static NetworkSpec SmallResNet() => new("small-resnet", new ChainSpec("SmallResNet",
    [
        Child("conv", new Conv2dSpec(3, 16, 3, Padding: 1, Bias: false)),
        Child("bn", new BatchNorm2dSpec(16)),
        Functional(ReLU),
        Child("layer1", new SequentialSpec(new BasicBlockSpec(16, 16))),
        Child("layer2", new SequentialSpec(new BasicBlockSpec(16, 32, 2, DownsampleKernel: 3))),
        Child("layer3", new SequentialSpec(new BasicBlockSpec(32, 64, 2, DownsampleKernel: 1))),
        Child("avgpool", new AvgPool2dSpec(8, 8)),
        Functional(new FlattenSpec()),
        Child("fc", new LinearSpec(64, 10)),
    ]), new InputShape(3, 32, 32));
}
