namespace TrainingService.Core.Checkpoints;

/// <summary>
/// One entry of a state dict: a named tensor as little-endian, row-major contiguous bytes.
/// Arrays compare by reference, so two equal-looking records are not <c>==</c>; compare contents explicitly.
/// </summary>
public sealed record StateTensor(string Key, StateTensorType Type, long[] Shape, byte[] Data)
{
    public string Key { get; } = string.IsNullOrEmpty(Key)
        ? throw new ArgumentException("A state tensor needs a non-empty key.", nameof(Key))
        : Key;

    public StateTensorType Type { get; } = Type;

    public long[] Shape { get; } = TensorLayout.CheckedShape($"Tensor '{Key}'", Shape, nameof(Shape));

    public byte[] Data { get; } = TensorLayout.CheckedData($"Tensor '{Key}'", Type, Shape, Data, nameof(Data));

    /// <summary>Number of elements; 1 for a 0-dim (scalar) tensor.</summary>
    public long ElementCount => TensorLayout.CountElements(Shape);

    /// <summary>The same tensor without its name, sharing the shape and data arrays rather than copying them.</summary>
    public TensorValue ToTensorValue() => new(Type, Shape, Data);
}
