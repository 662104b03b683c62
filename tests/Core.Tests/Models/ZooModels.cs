using TrainingService.Core.Models;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models;

/// <summary>The registry as theory data, and each network built as published (default channels and classes).</summary>
internal static class ZooModels
{
    public static TheoryData<string> AllNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in ModelRegistry.CreateDefault().Names)
        {
            names.Add(name);
        }

        return names;
    }

    public static ModelDefinition Definition(string name) => ModelRegistry.CreateDefault().Get(name);

    public static nn.Module<Tensor, Tensor> BuildDefault(string name)
    {
        var definition = Definition(name);
        return definition.Build(definition.DefaultOptions);
    }

    public static long ParameterCount(nn.Module module) => module.parameters().Sum(parameter => parameter.numel());
}
