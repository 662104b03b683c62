namespace TrainingService.Core.Models.PyTorch;

/// <summary>
/// The reference blocks as torchvision writes them (child names, registration and call order), so that their
/// <c>state_dict</c> and torchinfo rows match <see cref="Summary.BlockAnatomy"/>.
/// </summary>
internal static class PythonBlockClasses
{
    /// <summary>The block classes in the order they are defined, each before the blocks that use it.</summary>
    public static IReadOnlyList<string> Order => [NamedSequentialFunction, "BasicConv2d", "InceptionA", "Inception", "BasicBlock"];

    /// <summary>Builds <c>nn.Sequential(OrderedDict(...))</c> without importing anything beyond torch.</summary>
    public const string NamedSequentialFunction = "named_sequential";

    public static string Source(string block) => block switch
    {
        NamedSequentialFunction => NamedSequential,
        "BasicConv2d" => BasicConv2d,
        "InceptionA" => InceptionA,
        "Inception" => Inception,
        "BasicBlock" => PythonResidualClass.BasicBlock,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Not a reference block class."),
    };

    public const string NamedSequential = """
        def named_sequential(*children):
            sequential = nn.Sequential()
            for name, module in children:
                sequential.add_module(name, module)
            return sequential
        """;

    public const string BasicConv2d = """
        class BasicConv2d(nn.Module):
            def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0):
                super().__init__()
                self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride=stride, padding=padding, bias=False)
                self.bn = nn.BatchNorm2d(out_channels, eps=0.001)

            def forward(self, x):
                return F.relu(self.bn(self.conv(x)), inplace=True)
        """;

    public const string InceptionA = """
        class InceptionA(nn.Module):
            def __init__(self, in_channels, pool_features):
                super().__init__()
                self.branch1x1 = BasicConv2d(in_channels, 64, kernel_size=1)
                self.branch5x5_1 = BasicConv2d(in_channels, 48, kernel_size=1)
                self.branch5x5_2 = BasicConv2d(48, 64, kernel_size=5, padding=2)
                self.branch3x3dbl_1 = BasicConv2d(in_channels, 64, kernel_size=1)
                self.branch3x3dbl_2 = BasicConv2d(64, 96, kernel_size=3, padding=1)
                self.branch3x3dbl_3 = BasicConv2d(96, 96, kernel_size=3, padding=1)
                self.branch_pool = BasicConv2d(in_channels, pool_features, kernel_size=1)

            def forward(self, x):
                branch1x1 = self.branch1x1(x)
                branch5x5 = self.branch5x5_2(self.branch5x5_1(x))
                branch3x3dbl = self.branch3x3dbl_3(self.branch3x3dbl_2(self.branch3x3dbl_1(x)))
                branch_pool = self.branch_pool(F.avg_pool2d(x, kernel_size=3, stride=1, padding=1))
                return torch.cat([branch1x1, branch5x5, branch3x3dbl, branch_pool], 1)
        """;

    public const string Inception = """
        class Inception(nn.Module):
            def __init__(self, in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj):
                super().__init__()
                self.branch1 = BasicConv2d(in_channels, ch1x1, kernel_size=1)
                self.branch2 = nn.Sequential(
                    BasicConv2d(in_channels, ch3x3red, kernel_size=1),
                    BasicConv2d(ch3x3red, ch3x3, kernel_size=3, padding=1),
                )
                # torchvision's 3x3 where the paper has 5x5 (pytorch/vision#906); its weights have this shape.
                self.branch3 = nn.Sequential(
                    BasicConv2d(in_channels, ch5x5red, kernel_size=1),
                    BasicConv2d(ch5x5red, ch5x5, kernel_size=3, padding=1),
                )
                self.branch4 = nn.Sequential(
                    nn.MaxPool2d(kernel_size=3, stride=1, padding=1, ceil_mode=True),
                    BasicConv2d(in_channels, pool_proj, kernel_size=1),
                )

            def forward(self, x):
                return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)
        """;
}
