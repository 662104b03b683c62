using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;
using static TrainingService.Core.Models.Layers;

namespace TrainingService.Core.Models.Inception;

/// <summary>GoogLeNet as torchvision has it, and a small CIFAR network of Inception-v3 "A" blocks.</summary>
internal static class InceptionFamily
{
    private const string Family = "Inception";

    private static readonly InputShape ImageNet = new(3, 224, 224);
    private static readonly InputShape Cifar = new(3, 32, 32);

    public static void Register(ModelRegistry registry)
    {
        registry.Register(new ModelDefinition("googlenet", Family,
            "GoogLeNet (Inception v1) as torchvision builds it, without auxiliary heads or input transform.",
            ImageNet, 1000, options => new NetworkSpec("googlenet", GoogLeNet(options.NumClasses), ImageNet)));
        registry.Register(new ModelDefinition("inception-cifar", Family,
            "A BasicConv2d stem and two Inception-v3 A blocks with global average pooling, for 32x32 images.",
            Cifar, 10, options => new NetworkSpec("inception-cifar", InceptionCifar(options.NumClasses), Cifar)));
    }

    /// <summary>torchvision's GoogLeNet; its max poolings round up (ceil_mode), which is how 224 reaches the paper's 56, 28, 14 and 7.</summary>
    private static ChainSpec GoogLeNet(int classes) => new("GoogLeNet",
    [
        Child("conv1", new BasicConv2dSpec(3, 64, 7, Stride: 2, Padding: 3)),
        Child("maxpool1", MaxPool(3, 2, ceilMode: true)),
        Child("conv2", new BasicConv2dSpec(64, 64, 1)),
        Child("conv3", new BasicConv2dSpec(64, 192, 3, Padding: 1)),
        Child("maxpool2", MaxPool(3, 2, ceilMode: true)),
        Child("inception3a", new GoogLeNetInceptionSpec(192, 64, 96, 128, 16, 32, 32)),
        Child("inception3b", new GoogLeNetInceptionSpec(256, 128, 128, 192, 32, 96, 64)),
        Child("maxpool3", MaxPool(3, 2, ceilMode: true)),
        Child("inception4a", new GoogLeNetInceptionSpec(480, 192, 96, 208, 16, 48, 64)),
        Child("inception4b", new GoogLeNetInceptionSpec(512, 160, 112, 224, 24, 64, 64)),
        Child("inception4c", new GoogLeNetInceptionSpec(512, 128, 128, 256, 24, 64, 64)),
        Child("inception4d", new GoogLeNetInceptionSpec(512, 112, 144, 288, 32, 64, 64)),
        Child("inception4e", new GoogLeNetInceptionSpec(528, 256, 160, 320, 32, 128, 128)),
        Child("maxpool4", MaxPool(2, 2, ceilMode: true)),
        Child("inception5a", new GoogLeNetInceptionSpec(832, 256, 160, 320, 32, 128, 128)),
        Child("inception5b", new GoogLeNetInceptionSpec(832, 384, 192, 384, 48, 128, 128)),
        Child("avgpool", new AdaptiveAvgPool2dSpec(1, 1)),
        Functional(Flatten),
        Child("dropout", new DropoutSpec(0.2)),
        Child("fc", new LinearSpec(1024, classes)),
    ]);

    /// <summary>Channels: stem 64, InceptionA(64, 32) 256, pool to 16x16, InceptionA(256, 64) 288.</summary>
    private static ChainSpec InceptionCifar(int classes) => new("InceptionCifar",
    [
        Child("stem", new BasicConv2dSpec(3, 64, 3, Padding: 1)),
        Child("inception1", new InceptionASpec(64, 32)),
        Child("pool", MaxPool(2, 2)),
        Child("inception2", new InceptionASpec(256, 64)),
        Child("avgpool", new AdaptiveAvgPool2dSpec(1, 1)),
        Functional(Flatten),
        Child("fc", new LinearSpec(288, classes)),
    ]);
}
