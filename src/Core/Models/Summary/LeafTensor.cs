namespace TrainingService.Core.Models.Summary;

/// <summary>A parameter or buffer a leaf layer registers itself, under its own (unprefixed) name.</summary>
internal sealed record LeafTensor(string Name, IReadOnlyList<long> Shape, bool IsBuffer)
{
    /// <exception cref="OverflowException">The tensor would hold more than 2^63 elements.</exception>
    public long Count => Shape.Aggregate(1L, (product, size) => checked(product * size));
}
