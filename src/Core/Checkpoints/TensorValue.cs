namespace TrainingService.Core.Checkpoints;

/// <summary>
/// A tensor anywhere in a checkpoint (a model weight, an optimizer buffer, the RNG state) as little-endian,
/// row-major contiguous bytes. Arrays compare by reference, so two equal-looking records are not <c>==</c>.
/// </summary>
public sealed record TensorValue(StateTensorType Type, long[] Shape, byte[] Data)
{
    public StateTensorType Type { get; } = Type;

    public long[] Shape { get; } = TensorLayout.CheckedShape("A tensor", Shape, nameof(Shape));

    public byte[] Data { get; } = TensorLayout.CheckedData("A tensor", Type, Shape, Data, nameof(Data));

    /// <summary>Number of elements; 1 for a 0-dim (scalar) tensor.</summary>
    public long ElementCount => TensorLayout.CountElements(Shape);

    /// <summary>Names the tensor as a state-dict entry, sharing the shape and data arrays rather than copying them.</summary>
    public StateTensor WithKey(string key) => new(key, Type, Shape, Data);
}
