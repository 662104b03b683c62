namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// <c>nn.Sequential(OrderedDict(...))</c>: children run in order like <see cref="SequentialSpec"/>, but are keyed by
/// their given names (<c>layer1.conv1.weight</c>) instead of their indices.
/// </summary>
public sealed record NamedSequentialSpec(IReadOnlyList<(string Name, ModuleSpec Module)> Children) : ModuleSpec
{
    public NamedSequentialSpec(params (string Name, ModuleSpec Module)[] children)
        : this((IReadOnlyList<(string Name, ModuleSpec Module)>)children)
    {
    }

    /// <summary>For the stored form (<see cref="Jobs.JobResolutionJson"/>), which sets <see cref="Children"/> after construction.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    private NamedSequentialSpec() : this((IReadOnlyList<(string Name, ModuleSpec Module)>)[])
    {
    }

    public override string TypeName => "Sequential";
}
