namespace TrainingService.Core.Tests.Models;

/// <summary>
/// Trainable parameters of every zoo network at its default input channels and classes: torchvision's published
/// numbers for its models, the specification's 61,706 for LeNet-5, hand counts (in the report) for the rest.
/// </summary>
internal static class ExpectedParameterCounts
{
    public static TheoryData<string, long> All() => new()
    {
        { "lenet5", 61_706 },
        { "lenet5-d2l", 61_706 },
        { "lenet5-relu", 61_706 },
        { "lenet-book", 61_610 },
        { "alexnet", 62_378_344 },
        { "alexnet-227", 62_378_344 },
        { "alexnet-tv", 61_100_840 },
        { "alexnet-cifar10", 36_113_290 },
        { "vgg11", 132_863_336 },
        { "vgg13", 133_047_848 },
        { "vgg16", 138_357_544 },
        { "vgg19", 143_667_240 },
        { "vgg11-bn", 132_868_840 },
        { "vgg13-bn", 133_053_736 },
        { "vgg16-bn", 138_365_992 },
        { "vgg19-bn", 143_678_248 },
        { "googlenet", 6_624_904 },
        { "inception-cifar", 511_498 },
        { "resnet20", 292_954 },
        { "resnet32", 487_386 },
        { "resnet56", 876_250 },
        { "resnet18", 11_689_512 },
        { "resnet34", 21_797_672 },
        { "simplecnn", 1_175_818 },
        { "mnist-cnn", 2_328_298 },
    };
}
