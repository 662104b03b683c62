using static TrainingService.Core.Tests.Models.StateDictTable;

namespace TrainingService.Core.Tests.Models;

/// <summary>
/// Full state dicts written from the specification, in PyTorch's order, for every network small enough to list
/// (at default channels and classes). The VGGs and GoogLeNet are checked by parameter count and sample keys instead.
/// </summary>
internal static class ExpectedStateDicts
{
    public static TheoryData<string> Names() => new(Listed());

    public static string[] Listed() =>
    [
        "lenet5", "lenet5-d2l", "lenet5-relu", "lenet-book", "alexnet", "alexnet-227", "alexnet-tv", "alexnet-cifar10",
        "inception-cifar", "resnet20", "resnet32", "resnet56", "resnet18", "resnet34", "simplecnn", "mnist-cnn",
    ];

    public static IReadOnlyList<(string Key, long[] Shape)> For(string name) => name switch
    {
        "lenet5" => [.. Conv("conv1", 6, 1, 5), .. Conv("conv2", 16, 6, 5), .. Linear("fc1", 120, 400), .. Linear("fc2", 84, 120), .. Linear("fc3", 10, 84)],
        "lenet5-d2l" => [.. Conv("0", 6, 1, 5), .. Conv("3", 16, 6, 5), .. Linear("7", 120, 400), .. Linear("9", 84, 120), .. Linear("11", 10, 84)],
        "lenet5-relu" =>
            [.. Conv("conv1", 6, 1, 5), .. Conv("conv3", 16, 6, 5), .. Conv("conv5", 120, 16, 5), .. Linear("linear6", 84, 120), .. Linear("linear7", 10, 84)],
        "lenet-book" =>
        [
            .. Conv("layer1.conv1", 6, 1, 3), .. Conv("layer2.conv2", 16, 6, 5),
            .. Linear("layer3.fc1", 120, 400), .. Linear("layer3.fc2", 84, 120), .. Linear("layer3.fc3", 10, 84),
        ],
        "alexnet" => AlexNetBlocks([96, 256, 384, 384, 256], [11, 5, 3, 3, 3], 9216, 1000),
        "alexnet-cifar10" => AlexNetBlocks([64, 256, 384, 256, 256], [3, 3, 3, 3, 3], 4096, 10),
        "alexnet-227" =>
        [
            .. Conv("conv1", 96, 3, 11), .. Conv("conv2", 256, 96, 5), .. Conv("conv3", 384, 256, 3), .. Conv("conv4", 384, 384, 3),
            .. Conv("conv5", 256, 384, 3), .. Linear("fc1", 4096, 9216), .. Linear("fc2", 4096, 4096), .. Linear("fc3", 1000, 4096),
        ],
        "alexnet-tv" =>
        [
            .. Conv("features.0", 64, 3, 11), .. Conv("features.3", 192, 64, 5), .. Conv("features.6", 384, 192, 3),
            .. Conv("features.8", 256, 384, 3), .. Conv("features.10", 256, 256, 3),
            .. Linear("classifier.1", 4096, 9216), .. Linear("classifier.4", 4096, 4096), .. Linear("classifier.6", 1000, 4096),
        ],
        "inception-cifar" =>
            [.. BasicConv("stem", 64, 3, 3), .. InceptionA("inception1", 64, 32), .. InceptionA("inception2", 256, 64), .. Linear("fc", 10, 288)],
        "resnet20" => CifarResNet(3),
        "resnet32" => CifarResNet(5),
        "resnet56" => CifarResNet(9),
        "resnet18" => ImageNetResNet([2, 2, 2, 2]),
        "resnet34" => ImageNetResNet([3, 4, 6, 3]),
        "simplecnn" =>
        [
            .. Conv("layer1.conv1", 32, 3, 3), .. Conv("layer2.conv2", 64, 32, 3), .. Conv("layer3.conv3", 128, 64, 3),
            .. Linear("layer4.fc1", 512, 2048), .. Linear("layer4.fc2", 64, 512), .. Linear("layer4.fc3", 10, 64),
        ],
        "mnist-cnn" =>
        [
            .. Conv("layer1.0", 16, 1, 3), .. BatchNorm("layer1.1", 16), .. Conv("layer2.0", 32, 16, 3), .. BatchNorm("layer2.1", 32),
            .. Conv("layer3.0", 64, 32, 3), .. BatchNorm("layer3.1", 64), .. Conv("layer4.0", 128, 64, 3), .. BatchNorm("layer4.1", 128),
            .. Linear("fc.0", 1024, 2048), .. Linear("fc.2", 128, 1024), .. Linear("fc.4", 10, 128),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No full table for this network."),
    };

    private static (string Key, long[] Shape)[] AlexNetBlocks(long[] widths, long[] kernels, long features, long classes) =>
    [
        .. Conv("conv1.0", widths[0], 3, kernels[0]), .. Conv("conv2.0", widths[1], widths[0], kernels[1]),
        .. Conv("conv3.0", widths[2], widths[1], kernels[2]), .. Conv("conv4.0", widths[3], widths[2], kernels[3]),
        .. Conv("conv5.0", widths[4], widths[3], kernels[4]),
        .. Linear("fc1.1", 4096, features), .. Linear("fc2.0", 4096, 4096), .. Linear("fc3.0", classes, 4096),
    ];

    private static (string Key, long[] Shape)[] CifarResNet(int blocks) =>
    [
        .. Conv("conv", 16, 3, 3, bias: false), .. BatchNorm("bn", 16),
        .. Stage("layer1", blocks, 16, 16, null), .. Stage("layer2", blocks, 32, 16, 3), .. Stage("layer3", blocks, 64, 32, 3),
        .. Linear("fc", 10, 64),
    ];

    private static (string Key, long[] Shape)[] ImageNetResNet(int[] blocks) =>
    [
        .. Conv("conv1", 64, 3, 7, bias: false), .. BatchNorm("bn1", 64),
        .. Stage("layer1", blocks[0], 64, 64, null), .. Stage("layer2", blocks[1], 128, 64, 1),
        .. Stage("layer3", blocks[2], 256, 128, 1), .. Stage("layer4", blocks[3], 512, 256, 1),
        .. Linear("fc", 1000, 512),
    ];
}
