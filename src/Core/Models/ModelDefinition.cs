using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Models;

/// <summary>A zoo entry: its name, what it expects, and the builder of its TorchSharp module.</summary>
public sealed record ModelDefinition(
    string Name,
    string Family,
    string Description,
    InputShape DefaultInput,
    int DefaultClasses,
    Func<ModelBuildOptions, nn.Module<Tensor, Tensor>> Build)
{
    /// <summary>The input a job's images must have, with the channel count taken from the dataset.</summary>
    public InputShape InputFor(int channels) => DefaultInput with { Channels = channels };
}
