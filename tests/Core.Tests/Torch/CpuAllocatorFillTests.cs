using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Torch;

/// <summary>
/// NaN junk in every fresh CPU block turns a kernel's occasional read of memory it never wrote into a certain
/// NaN, so a gradient that stays finite and exact under it reads none. Both CPU paths the worker trains through
/// must pass on every machine: libtorch's own kernels (oneDNN off) and <c>ChannelAlignedConv2d</c> (oneDNN on).
/// What oneDNN itself does with a partial channel block depends on the CPU and is documented in docs/benchmarks.md,
/// not asserted here.
/// </summary>
[Collection(ProcessWideLibTorchCollection.Name)]
public class CpuAllocatorFillTests
{
    [Theory]
    [InlineData(16, 10, 3, 8)] // fewer output channels than one block of oneDNN's AVX2 (8) or AVX-512 (16) kernels
    [InlineData(16, 120, 5, 5)] // LeNet-5's C5
    [InlineData(6, 24, 3, 8)]
    [InlineData(32, 100, 3, 8)]
    [InlineData(16, 128, 5, 5)]
    public void Under_NaN_junk_with_oneDNN_off_a_convolution_input_gradient_is_finite_and_matches_float64(int inChannels, int outChannels, int kernel, int size)
    {
        using var gradients = new ConvolutionGradients(inChannels, outChannels, kernel, size);

        using var gradient = UnderNaNJunk(oneDnn: false, gradients.InputGradient);

        Assert.True(isfinite(gradient).all().item<bool>());
        Assert.InRange(gradients.RelativeError(gradient), 0, 1e-5);
    }

    [Theory]
    [InlineData(16, 10, 3, 8)]
    [InlineData(16, 120, 5, 5)]
    [InlineData(6, 24, 3, 8)]
    [InlineData(32, 100, 3, 8)]
    [InlineData(16, 128, 5, 5)]
    public void Under_NaN_junk_with_oneDNN_on_a_channel_aligned_convolution_input_gradient_is_finite_and_matches_float64(int inChannels, int outChannels, int kernel, int size)
    {
        using var gradients = new ConvolutionGradients(inChannels, outChannels, kernel, size);

        using var gradient = UnderNaNJunk(oneDnn: true, gradients.AlignedInputGradient);

        Assert.True(isfinite(gradient).all().item<bool>());
        Assert.InRange(gradients.RelativeError(gradient), 0, 1e-5);
    }

    [Theory]
    [InlineData(CpuAllocationFill.Zero)]
    [InlineData(CpuAllocationFill.NaNJunk)]
    [InlineData(CpuAllocationFill.None)]
    public void Setting_a_fill_applies_it_alone_and_returns_the_one_before(CpuAllocationFill fill)
    {
        var before = CpuAllocatorFill.Set(CpuAllocationFill.Zero);
        try
        {
            Assert.Equal(CpuAllocationFill.Zero, CpuAllocatorFill.Set(fill));
            Assert.Equal(fill, CpuAllocatorFill.Current);
            using var allocated = empty(1024);
            Assert.Equal(fill == CpuAllocationFill.NaNJunk, isnan(allocated).all().item<bool>());
        }
        finally
        {
            CpuAllocatorFill.Set(before);
        }
    }

    private static Tensor UnderNaNJunk(bool oneDnn, Func<Tensor> compute)
    {
        var oneDnnBefore = OneDnn.SetEnabled(oneDnn);
        var fillBefore = CpuAllocatorFill.Set(CpuAllocationFill.NaNJunk);
        try
        {
            return compute();
        }
        finally
        {
            CpuAllocatorFill.Set(fillBefore);
            OneDnn.SetEnabled(oneDnnBefore);
        }
    }
}
