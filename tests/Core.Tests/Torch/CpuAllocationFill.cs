namespace TrainingService.Core.Tests.Torch;

/// <summary>What libtorch's CPU allocator writes into a block before handing it out.</summary>
public enum CpuAllocationFill
{
    /// <summary>Nothing: the block holds whatever the memory held before (libtorch's default).</summary>
    None,

    /// <summary>Zeros, so kernels that read memory they never wrote read 0.</summary>
    Zero,

    /// <summary>A NaN pattern, so such reads show up as NaN.</summary>
    NaNJunk,
}
