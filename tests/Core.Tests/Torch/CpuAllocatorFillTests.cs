using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Torch;

/// <summary>
/// NaN junk in every fresh CPU block turns a kernel's occasional read of uninitialised memory into a certain
/// NaN: the reproduction of the random NaN of CPU training, and the proof that libtorch's own kernels make no such read.
/// </summary>
[Collection(ProcessWideLibTorchCollection.Name)]
public class CpuAllocatorFillTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Under_NaN_junk_a_10_channel_convolution_input_gradient_is_NaN_exactly_when_oneDNN_computes_it(bool oneDnn, bool expectNaN)
    {
        // Ten output channels fill no whole block of oneDNN's AVX2 (8) or AVX-512 (16) kernels, so they pad.
        using var gradients = new ConvolutionGradients(16, 10, 3, 8);
        var oneDnnBefore = OneDnn.SetEnabled(oneDnn);
        var fillBefore = CpuAllocatorFill.Set(CpuAllocationFill.NaNJunk);
        try
        {
            using var gradient = gradients.InputGradient();
            Assert.Equal(expectNaN, isnan(gradient).any().item<bool>());
            if (!expectNaN)
            {
                Assert.InRange(gradients.RelativeError(gradient), 0, 1e-5);
            }
        }
        finally
        {
            CpuAllocatorFill.Set(fillBefore);
            OneDnn.SetEnabled(oneDnnBefore);
        }
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
}
