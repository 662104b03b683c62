namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// Cuts one tensor's contiguous bytes out of its storage. PyTorch files may share a storage between
/// tensors or store transposed views, so offset and strides are honoured rather than assumed.
/// </summary>
internal static class StridedTensorCopy
{
    /// <param name="where">Names the tensor in messages, e.g. <c>checkpoint['model']['fc.weight']</c>.</param>
    public static byte[] Extract(byte[] storage, PickleTensor tensor, string where)
    {
        try
        {
            return checked(ExtractChecked(storage, tensor, where));
        }
        catch (OverflowException exception)
        {
            throw new InvalidCheckpointException($"Tensor {where} has sizes or strides that overflow 64 bits.", exception);
        }
    }

    private static byte[] ExtractChecked(byte[] storage, PickleTensor tensor, string where)
    {
        var elementSize = tensor.Storage.Type.ElementSize();
        if (storage.LongLength != tensor.Storage.ElementCount * elementSize)
        {
            throw new InvalidCheckpointException(
                $"Storage '{tensor.Storage.Key}' holds {storage.LongLength} bytes but data.pkl declares {tensor.Storage.ElementCount} elements of {elementSize} bytes.");
        }

        if (tensor.Shape.Any(size => size < 0) || tensor.Stride.Any(stride => stride < 0))
        {
            throw new InvalidCheckpointException($"Tensor {where} has a negative size or stride.");
        }

        var count = tensor.Shape.Aggregate(1L, (product, size) => checked(product * size));
        if (count == 0)
        {
            return [];
        }

        var lastIndex = tensor.Offset + tensor.Shape.Select((size, i) => (size - 1) * tensor.Stride[i]).Sum();
        if (lastIndex >= tensor.Storage.ElementCount || count * elementSize > Array.MaxLength)
        {
            throw new InvalidCheckpointException(
                $"Tensor {where} (shape [{string.Join(", ", tensor.Shape)}]) reaches element {lastIndex} of storage '{tensor.Storage.Key}', which has {tensor.Storage.ElementCount}.");
        }

        var result = new byte[count * elementSize];
        if (TensorStrides.IsRowMajor(tensor.Shape, tensor.Stride))
        {
            Array.Copy(storage, tensor.Offset * elementSize, result, 0, result.LongLength);
            return result;
        }

        var index = new long[tensor.Shape.Length];
        for (var element = 0L; element < count; element++)
        {
            var source = tensor.Offset + index.Select((position, i) => position * tensor.Stride[i]).Sum();
            Array.Copy(storage, source * elementSize, result, element * elementSize, elementSize);
            TensorStrides.Advance(index, tensor.Shape);
        }

        return result;
    }
}
