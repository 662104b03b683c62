using TorchSharp.Modules;
using TrainingService.Core.Models.Building;
using static TorchSharp.torch;
using Init = TorchSharp.torch.nn.init;

namespace TrainingService.Core.Training;

/// <summary>
/// Re-initialises the weights of every Conv2d and Linear of a network; BatchNorm keeps PyTorch's
/// ones and zeros. <c>normal</c> is N(0, 0.01); Kaiming assumes ReLU, as is usual for these CNNs.
/// </summary>
public static class WeightInitializer
{
    public static void Apply(nn.Module model, string initialization)
    {
        if (initialization == WeightInitialization.Default)
        {
            return;
        }
        using var noGrad = no_grad();
        foreach (var module in model.modules())
        {
            var (weight, bias) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias),
                ChannelAlignedConv2d aligned => (aligned.Weight, aligned.Bias),
                Linear linear => (linear.weight, linear.bias),
                _ => (null, null),
            };
            if (weight is null)
            {
                continue;
            }
            Initialize(weight, initialization);
            if (bias is not null)
            {
                Init.zeros_(bias);
            }
        }
    }

    private static void Initialize(Tensor weight, string initialization)
    {
        _ = initialization switch
        {
            WeightInitialization.XavierUniform => Init.xavier_uniform_(weight),
            WeightInitialization.XavierNormal => Init.xavier_normal_(weight),
            WeightInitialization.KaimingUniform => Init.kaiming_uniform_(weight, nonlinearity: Init.NonlinearityType.ReLU),
            WeightInitialization.KaimingNormal => Init.kaiming_normal_(weight, nonlinearity: Init.NonlinearityType.ReLU),
            WeightInitialization.Normal => Init.normal_(weight, 0, 0.01),
            _ => throw new ArgumentException($"Unknown initialisation '{initialization}'.", nameof(initialization)),
        };
    }
}
