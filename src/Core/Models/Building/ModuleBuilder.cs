using TrainingService.Core.Models.Architecture;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>
/// Builds the TorchSharp module of a description. Containers register children under the names PyTorch gives them,
/// so state_dict keys and shapes are those of the reference PyTorch module; <see cref="Checkpoints.StateDictConversion"/>
/// puts them in PyTorch's order.
/// </summary>
public static class ModuleBuilder
{
    public static nn.Module<Tensor, Tensor> Build(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Root is ChainSpec chain && ChannelsLastRule.Applies(network) ? Chain(chain, channelsLastInput: true) : Build(network.Root);
    }

    public static nn.Module<Tensor, Tensor> Build(ModuleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec switch
        {
            SequentialSpec sequential => nn.Sequential(sequential.Children.Select(child => Build(child))),
            NamedSequentialSpec named => nn.Sequential(named.Children.Select(child => (child.Name, Build(child.Module)))),
            ChainSpec chain => Chain(chain, channelsLastInput: false),
            BasicConv2dSpec basic => new BasicConv2dModule(basic),
            InceptionASpec inception => new InceptionAModule(inception),
            GoogLeNetInceptionSpec inception => new GoogLeNetInceptionModule(inception),
            BasicBlockSpec block => new BasicBlockModule(block),
            _ => LayerFactory.Build(spec),
        };
    }

    private static ChainModule Chain(ChainSpec chain, bool channelsLastInput) =>
        new(chain.ClassName, chain.Steps.Select(step => (step.Name, Build(step.Module))), channelsLastInput);
}
