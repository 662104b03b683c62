namespace TrainingService.Core.Training;

/// <summary>Worker-wide training settings, bound from configuration.</summary>
public sealed class TrainingOptions
{
    /// <summary><c>auto</c> (CUDA when present), <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>libtorch intra-op threads for CPU training; 0 keeps libtorch's choice (one per core).</summary>
    public int CpuThreads { get; set; }

    /// <summary>
    /// Let libtorch use oneDNN for CPU convolutions (its default, and much faster for most networks). The zoo
    /// pads the convolutions whose gradients oneDNN gets wrong (see <see cref="Models.Building.ChannelAlignedConv2d"/>);
    /// false makes libtorch use its own kernels everywhere.
    /// </summary>
    public bool UseOneDnn { get; set; } = true;

    /// <summary>How often, at most, running batch figures are reported.</summary>
    public TimeSpan BatchProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
