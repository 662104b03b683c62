using System.Diagnostics.CodeAnalysis;
using TrainingService.Core.Models.AlexNet;
using TrainingService.Core.Models.Inception;
using TrainingService.Core.Models.LeNet;
using TrainingService.Core.Models.ResNet;
using TrainingService.Core.Models.SmallCnn;
using TrainingService.Core.Models.Vgg;

namespace TrainingService.Core.Models;

/// <summary>The model zoo, like torchvision's <c>list_models</c>/<c>get_model</c>: names are unique, case-insensitively.</summary>
public sealed class ModelRegistry
{
    private readonly Dictionary<string, ModelDefinition> _definitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ModelDefinition> _ordered = [];

    public IReadOnlyList<string> Names => _ordered.Select(d => d.Name).ToList();

    public IReadOnlyList<ModelDefinition> List() => _ordered;

    public void Register(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_definitions.TryAdd(definition.Name, definition))
        {
            throw new InvalidOperationException($"A model named '{definition.Name}' is already registered.");
        }
        _ordered.Add(definition);
    }

    public bool TryGet(string name, [NotNullWhen(true)] out ModelDefinition? definition) =>
        _definitions.TryGetValue(name, out definition);

    public ModelDefinition Get(string name) =>
        TryGet(name, out var definition) ? definition : throw new KeyNotFoundException($"No model named '{name}'.");

    public static ModelRegistry CreateDefault()
    {
        var registry = new ModelRegistry();
        LeNetFamily.Register(registry);
        AlexNetFamily.Register(registry);
        VggFamily.Register(registry);
        InceptionFamily.Register(registry);
        ResNetFamily.Register(registry);
        SmallCnnFamily.Register(registry);
        return registry;
    }
}
