namespace TrainingService.Worker.Fleet;

/// <summary>A CUDA device's compute capability, major.minor (7.5 Turing, 8.0 A100, 8.6 RTX 30, 8.9 Ada, 9.0 Hopper).</summary>
public sealed record ComputeCapability(int Major, int Minor)
{
    /// <summary>
    /// TF32 tensor cores exist from Ampere (8.0) on. There matmuls and convolutions in TF32 are several times faster than
    /// in full float32 at a 10-bit mantissa, which is what PyTorch's own cuDNN default already accepts for convolutions.
    /// </summary>
    public bool HasTensorFloat32 => Major >= 8;

    public override string ToString() => $"{Major}.{Minor}";
}
