using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Moves the raw bytes of a contiguous CPU tensor to and from a stream without an intermediate array,
/// in slices along the first dimension because a span cannot exceed 2 GiB.
/// </summary>
internal static class TensorBytes
{
    private const long SliceBytes = 1L << 26;

    /// <returns>False when the stream ends before the tensor is full.</returns>
    public static bool TryFill(Stream source, Tensor tensor)
    {
        foreach (var slice in Slices(tensor))
        {
            using (slice)
            {
                var span = slice.bytes;
                if (source.ReadAtLeast(span, span.Length, throwOnEndOfStream: false) < span.Length)
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static void Write(Stream destination, Tensor tensor)
    {
        foreach (var slice in Slices(tensor))
        {
            using (slice)
            {
                destination.Write(slice.bytes);
            }
        }
    }

    private static IEnumerable<Tensor> Slices(Tensor tensor)
    {
        if (!tensor.is_contiguous() || tensor.device_type != DeviceType.CPU)
        {
            throw new ArgumentException("only contiguous CPU tensors can be streamed", nameof(tensor));
        }

        var count = tensor.shape[0];
        var rowBytes = Math.Max(1, tensor.NumberOfElements / Math.Max(1, count) * tensor.ElementSize);
        var rowsPerSlice = Math.Max(1, SliceBytes / rowBytes);
        for (long start = 0; start < count; start += rowsPerSlice)
        {
            yield return tensor.narrow(0, start, Math.Min(rowsPerSlice, count - start));
        }
    }
}
