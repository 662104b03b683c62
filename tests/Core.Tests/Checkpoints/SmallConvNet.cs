using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>A Conv2d + BatchNorm2d + Linear network: parameters, float buffers and the int64 num_batches_tracked.</summary>
internal static class SmallConvNet
{
    public static string[] StateDictKeys =>
    [
        "conv.weight", "conv.bias",
        "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked",
        "fc.weight", "fc.bias",
    ];

    public static nn.Module<Tensor, Tensor> Create(long seed, int outputs = 3)
    {
        manual_seed(seed);
        return nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3)),
            ("bn", nn.BatchNorm2d(4)),
            ("relu", nn.ReLU()),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(4 * 6 * 6, outputs)));
    }

    /// <summary>One training-mode forward pass, so the BatchNorm running statistics leave their initial values.</summary>
    public static void Train(nn.Module<Tensor, Tensor> net)
    {
        using var scope = NewDisposeScope();
        net.train();
        net.forward(randn(2, 1, 8, 8));
    }
}
