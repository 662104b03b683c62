namespace TrainingService.Core.Checkpoints;

/// <summary>The shape and byte-length rules every tensor obeys, whether it is a named state-dict entry or sits anywhere in a checkpoint.</summary>
internal static class TensorLayout
{
    /// <param name="tensor">How messages name the tensor, e.g. "Tensor 'fc.weight'".</param>
    public static long[] CheckedShape(string tensor, long[] shape, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(shape, parameterName);
        if (shape.Any(dimension => dimension < 0))
        {
            throw new ArgumentException($"{tensor} has a negative dimension in shape [{string.Join(", ", shape)}].", parameterName);
        }

        return shape;
    }

    public static byte[] CheckedData(string tensor, StateTensorType type, long[] shape, byte[] data, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(data, parameterName);
        var expected = checked(CountElements(shape) * type.ElementSize());
        if (data.LongLength != expected)
        {
            throw new ArgumentException(
                $"{tensor} of type {type} and shape [{string.Join(", ", shape)}] needs {expected} bytes but has {data.LongLength}.",
                parameterName);
        }

        return data;
    }

    public static long CountElements(long[] shape) => shape.Aggregate(1L, (count, dimension) => checked(count * dimension));
}
