namespace TrainingService.Contracts.Models;

/// <summary>A zoo entry: what it is, what it takes by default, and its size at that default.</summary>
public sealed record ModelResource(
    string Name, string Family, string Description, string DefaultInputShape, int DefaultClasses, long Parameters, long MultAdds);
