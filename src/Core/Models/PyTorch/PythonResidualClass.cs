namespace TrainingService.Core.Models.PyTorch;

/// <summary>
/// torchvision's ResNet <c>BasicBlock</c>, with the shortcut projection's kernel as a parameter (the CIFAR ResNets
/// of the course material project with 3x3 convolutions, torchvision with 1x1).
/// </summary>
internal static class PythonResidualClass
{
    public const string BasicBlock = """
        class BasicBlock(nn.Module):
            def __init__(self, in_channels, out_channels, stride=1, downsample_kernel=None):
                super().__init__()
                self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)
                self.bn1 = nn.BatchNorm2d(out_channels)
                self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, stride=1, padding=1, bias=False)
                self.bn2 = nn.BatchNorm2d(out_channels)
                self.downsample = None
                if downsample_kernel is not None:
                    self.downsample = nn.Sequential(
                        nn.Conv2d(in_channels, out_channels, kernel_size=downsample_kernel, stride=stride,
                                  padding=downsample_kernel // 2, bias=False),
                        nn.BatchNorm2d(out_channels),
                    )

            def forward(self, x):
                identity = x
                out = F.relu(self.bn1(self.conv1(x)))
                out = self.bn2(self.conv2(out))
                if self.downsample is not None:
                    identity = self.downsample(x)
                return F.relu(out + identity)
        """;
}
