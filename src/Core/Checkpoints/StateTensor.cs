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

    public long[] Shape { get; } = CheckedShape(Key, Shape);

    public byte[] Data { get; } = CheckedData(Key, Type, Shape, Data);

    /// <summary>Number of elements; 1 for a 0-dim (scalar) tensor.</summary>
    public long ElementCount => CountElements(Shape);

    private static long[] CheckedShape(string key, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Any(dimension => dimension < 0))
        {
            throw new ArgumentException($"Tensor '{key}' has a negative dimension in shape [{string.Join(", ", shape)}].", nameof(Shape));
        }

        return shape;
    }

    private static byte[] CheckedData(string key, StateTensorType type, long[] shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var expected = checked(CountElements(shape) * type.ElementSize());
        if (data.LongLength != expected)
        {
            throw new ArgumentException(
                $"Tensor '{key}' of type {type} and shape [{string.Join(", ", shape)}] needs {expected} bytes but has {data.LongLength}.",
                nameof(Data));
        }

        return data;
    }

    private static long CountElements(long[] shape) => shape.Aggregate(1L, (count, dimension) => checked(count * dimension));
}
