using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Torch;

[Collection(ProcessWideLibTorchCollection.Name)]
public class TemporaryProbeTests
{
    [Theory]
    [InlineData(16, 10, 3, 8)]
    [InlineData(16, 120, 5, 5)]
    [InlineData(6, 24, 3, 8)]
    [InlineData(32, 100, 3, 8)]
    public void Probe(int i, int o, int k, int s)
    {
        using var gradients = new ConvolutionGradients(i, o, k, s);
        var a = OneDnn.SetEnabled(true);
        var f = CpuAllocatorFill.Set(CpuAllocationFill.NaNJunk);
        try
        {
            using var g = gradients.InputGradient();
            Assert.Fail($"nan={isnan(g).any().item<bool>()} error={gradients.RelativeError(g)}");
        }
        finally { CpuAllocatorFill.Set(f); OneDnn.SetEnabled(a); }
    }
}
