using TorchSharp;

namespace TrainingService.Core.Tests;

public class LibTorchLoadingTests
{
    [Fact]
    public void Libtorch_loads_and_multiplies_matrices_on_this_host()
    {
        using var a = torch.ones(2, 3);
        using var b = torch.ones(3, 4);
        using var product = a.matmul(b);
        Assert.Equal(new long[] { 2, 4 }, product.shape);
        Assert.Equal(3f, product[0, 0].item<float>());
    }
}
