namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.Sequential</c>: children are keyed "0", "1", ... in order.</summary>
public sealed record SequentialSpec(IReadOnlyList<ModuleSpec> Children) : ModuleSpec
{
    public SequentialSpec(params ModuleSpec[] children) : this((IReadOnlyList<ModuleSpec>)children)
    {
    }

    public override string TypeName => "Sequential";
}
