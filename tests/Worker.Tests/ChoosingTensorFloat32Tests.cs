using TrainingService.Worker.Extensions;
using TrainingService.Worker.Fleet;

namespace TrainingService.Worker.Tests;

/// <summary>A GPU worker lets matmuls and cuDNN use TF32 where the device has TF32 tensor cores (Ampere, compute capability 8.0, and newer).</summary>
public sealed class ChoosingTensorFloat32Tests
{
    [Theory]
    [InlineData(8, 0)] // A100
    [InlineData(8, 6)] // RTX 30xx, A10
    [InlineData(8, 9)] // Ada, L4
    [InlineData(9, 0)] // H100
    [InlineData(10, 0)] // Blackwell
    public void A_device_of_Ampere_or_newer_trains_with_TF32(int major, int minor) =>
        Assert.True(LibTorchSetup.UsesTensorFloat32(new ComputeCapability(major, minor)));

    [Theory]
    [InlineData(7, 5)] // T4
    [InlineData(7, 0)] // V100
    [InlineData(6, 1)] // P40
    public void A_device_older_than_Ampere_keeps_full_float32(int major, int minor) =>
        Assert.False(LibTorchSetup.UsesTensorFloat32(new ComputeCapability(major, minor)));

    [Fact]
    public void A_device_whose_capability_NVML_cannot_read_still_allows_TF32_which_libtorch_ignores_where_it_is_missing() =>
        Assert.True(LibTorchSetup.UsesTensorFloat32(null));
}
