namespace TrainingService.Core.Artifacts;

/// <summary>The store has no artifact under the key.</summary>
public sealed class ArtifactNotFoundException(string key)
    : FileNotFoundException($"The artifact store has no artifact '{key}'.", key)
{
    public string Key { get; } = key;
}
