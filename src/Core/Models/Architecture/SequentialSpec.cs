namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.Sequential</c>: children are keyed "0", "1", ... in order.</summary>
public sealed record SequentialSpec(IReadOnlyList<ModuleSpec> Children) : ModuleSpec
{
    public SequentialSpec(params ModuleSpec[] children) : this((IReadOnlyList<ModuleSpec>)children)
    {
    }

    /// <summary>For the stored form (<see cref="Jobs.JobResolutionJson"/>), which sets <see cref="Children"/> after construction.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    private SequentialSpec() : this((IReadOnlyList<ModuleSpec>)[])
    {
    }

    public override string TypeName => "Sequential";
}
