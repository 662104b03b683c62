using TorchSharp;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Exact comparison of whole tensors (TorchSharp's <c>equal</c> is element-wise).</summary>
internal static class Tensors
{
    public static bool Same(torch.Tensor a, torch.Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();
    }
}
