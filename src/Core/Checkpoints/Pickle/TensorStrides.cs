namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>Row-major (C-contiguous) stride arithmetic shared by the pickler and the reader.</summary>
internal static class TensorStrides
{
    /// <summary>Zero-sized dimensions count as 1, as in PyTorch, so strides stay well defined for empty tensors.</summary>
    public static long[] RowMajor(long[] shape)
    {
        var strides = new long[shape.Length];
        var stride = 1L;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= Math.Max(shape[i], 1);
        }

        return strides;
    }

    /// <summary>Strides of size-1 dimensions never move the cursor, so PyTorch leaves them arbitrary.</summary>
    public static bool IsRowMajor(long[] shape, long[] stride)
    {
        var expected = 1L;
        for (var dimension = shape.Length - 1; dimension >= 0; dimension--)
        {
            if (shape[dimension] != 1 && stride[dimension] != expected)
            {
                return false;
            }

            expected *= shape[dimension];
        }

        return true;
    }

    /// <summary>Steps a multi-index through the shape in row-major order, like an odometer.</summary>
    public static void Advance(long[] index, long[] shape)
    {
        for (var dimension = index.Length - 1; dimension >= 0; dimension--)
        {
            if (++index[dimension] < shape[dimension])
            {
                return;
            }

            index[dimension] = 0;
        }
    }
}

