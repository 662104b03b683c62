using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Building;
using static TorchSharp.torch;

namespace TrainingService.Core.Models;

/// <summary>
/// A zoo entry: its name, what it expects, and its description as data. The description alone defines the network:
/// the TorchSharp module, the summary and the PyTorch reference all come from it.
/// </summary>
public sealed record ModelDefinition(
    string Name,
    string Family,
    string Description,
    InputShape DefaultInput,
    int DefaultClasses,
    Func<ModelBuildOptions, NetworkSpec> Describe)
{
    /// <summary>The input a job's images must have, with the channel count taken from the dataset.</summary>
    public InputShape InputFor(int channels) => DefaultInput with { Channels = channels };

    /// <summary>The options that reproduce the entry as published: its default input channels and classes.</summary>
    public ModelBuildOptions DefaultOptions => new(DefaultInput.Channels, DefaultClasses);

    public nn.Module<Tensor, Tensor> Build(ModelBuildOptions options) => ModuleBuilder.Build(Describe(options));
}
