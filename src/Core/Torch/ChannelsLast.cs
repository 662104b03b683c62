using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Torch;

/// <summary>
/// NHWC strides for a batch of images on the CPU. TorchSharp 0.107 has no <c>memory_format</c> argument, but libtorch
/// chooses its channels-last kernels from the strides alone: oneDNN then convolves the NHWC data as it lies instead of
/// reordering input, output and gradients to its blocked layout and back in every convolution, forward and backward,
/// and batch norm and ReLU take their channels-last loops. Every op after a channels-last convolution keeps the layout,
/// so converting the network's input once is enough. Values, shapes and parameters are unchanged.
/// </summary>
public static class ChannelsLast
{
    public static bool Is(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.dim() == 4 && batch.stride(1) == 1 && batch.stride(3) == batch.shape[1] && batch.stride(2) == batch.shape[1] * batch.shape[3];
    }

    /// <summary>The same values with NHWC strides, or the batch itself when it is not a 4-D CPU batch or already is NHWC.</summary>
    public static Tensor Convert(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.dim() != 4 || batch.device_type != DeviceType.CPU || Is(batch))
        {
            return batch;
        }
        var nhwc = batch.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
        // With one channel the permuted tensor is already contiguous, so contiguous() copies nothing and the permute
        // back restores the NCHW strides, which libtorch then reads as NCHW (mnist-cnn trained in NCHW that way). The
        // bytes are the same in both layouts; only the strides have to say channels-last.
        return Is(nhwc) ? nhwc : nhwc.as_strided(batch.shape, Strides(batch.shape), nhwc.storage_offset());
    }

    private static long[] Strides(long[] shape) => [shape[1] * shape[2] * shape[3], 1, shape[1] * shape[3], shape[1]];
}
