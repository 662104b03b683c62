using System.Diagnostics.CodeAnalysis;
using TrainingService.Core.Models.LeNet;

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
        return registry;
    }
}
