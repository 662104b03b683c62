namespace TrainingService.Core.Models.Summary;

/// <summary>A parameter or buffer a leaf layer registers itself, under its own (unprefixed) name.</summary>
internal sealed record LeafTensor(string Name, IReadOnlyList<long> Shape, bool IsBuffer)
{
    public long Count => Shape.Aggregate(1L, (product, size) => product * size);
}
