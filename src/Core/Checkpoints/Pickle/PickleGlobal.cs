namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A class or function a pickle referred to by name; only an allow-listed few are ever resolved.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}
