using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;
using static TrainingService.Core.Models.Layers;

namespace TrainingService.Core.Models.Vgg;

/// <summary>
/// VGG as torchvision builds it: <c>features</c> from a configuration table (a number is a 3x3 convolution to that
/// many channels, <see cref="M"/> a 2x2 max pooling), adaptive 7x7 average pooling, then the <c>classifier</c>.
/// </summary>
internal static class VggFamily
{
    private const string Family = "VGG";
    private const int M = 0;

    private static readonly InputShape Input = new(3, 224, 224);

    public static void Register(ModelRegistry registry)
    {
        foreach (var batchNorm in new[] { false, true })
        {
            foreach (var (depth, configuration) in new[] { (11, 'A'), (13, 'B'), (16, 'D'), (19, 'E') })
            {
                var name = batchNorm ? $"vgg{depth}-bn" : $"vgg{depth}";
                registry.Register(new ModelDefinition(name, Family,
                    $"VGG-{depth} (configuration {configuration}){(batchNorm ? " with batch normalisation" : "")}, torchvision layout.",
                    Input, 1000, options => new NetworkSpec(name, Network(Configuration(configuration), batchNorm, options.NumClasses), Input)));
            }
        }
    }

    /// <summary>torchvision's cfgs table; returned fresh so no caller can alter the shared configuration.</summary>
    private static int[] Configuration(char letter) => letter switch
    {
        'A' => [64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M],
        'B' => [64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M],
        'D' => [64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M],
        'E' => [64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M, 512, 512, 512, 512, M],
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "VGG configurations are A, B, D and E."),
    };

    private static ChainSpec Network(int[] configuration, bool batchNorm, int classes) => new("VGG",
    [
        Child("features", new SequentialSpec(Features(configuration, batchNorm).ToList())),
        Child("avgpool", new AdaptiveAvgPool2dSpec(7, 7)),
        Functional(Flatten),
        Child("classifier", new SequentialSpec(
            new LinearSpec(512 * 7 * 7, 4096), ReLU, new DropoutSpec(0.5),
            new LinearSpec(4096, 4096), ReLU, new DropoutSpec(0.5),
            new LinearSpec(4096, classes))),
    ]);

    /// <summary>torchvision's make_layers: the Sequential indices, and so the keys, follow from this order.</summary>
    private static IEnumerable<ModuleSpec> Features(int[] configuration, bool batchNorm)
    {
        var channels = 3;
        foreach (var width in configuration)
        {
            if (width == M)
            {
                yield return MaxPool(2, 2);
                continue;
            }

            yield return new Conv2dSpec(channels, width, 3, Padding: 1);
            if (batchNorm)
            {
                yield return new BatchNorm2dSpec(width);
            }

            yield return ReLU;
            channels = width;
        }
    }
}
