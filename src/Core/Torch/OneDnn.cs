using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TrainingService.Core.Torch;

/// <summary>
/// Switches libtorch's use of oneDNN (MKL-DNN) for CPU convolutions, the switch PyTorch exposes as
/// <c>torch.backends.mkldnn.enabled</c> and TorchSharp does not. In libtorch 2.10 (oneDNN 3.7.1)
/// the input gradient oneDNN computes for a convolution is wrong whenever its output channels are not
/// a multiple of the kernel's channel block (16 with AVX-512, 8 with AVX2): off by a quarter of the
/// gradient's size, or NaN when the block's padding holds a NaN pattern. Forward passes and weight
/// gradients are right. With oneDNN off libtorch takes its own kernels (im2col and BLAS), which
/// agree with float64 to 1e-6. <c>at::Context</c>'s accessors are exported C++ symbols, called by
/// their Itanium-mangled names.
/// </summary>
public static partial class OneDnn
{
    private const string Library = "libtorch_cpu";

    public static bool IsEnabled
    {
        get
        {
            EnsureLibTorchLoaded();
            return UserEnabledMkldnn(GlobalContext());
        }
    }

    /// <summary>Turns oneDNN on or off for every CPU operation started from now on; returns the setting before.</summary>
    /// <exception cref="EntryPointNotFoundException">This libtorch does not export the switch.</exception>
    public static bool SetEnabled(bool enabled)
    {
        var before = IsEnabled;
        SetUserEnabledMkldnn(GlobalContext(), enabled);
        return before;
    }

    // TorchSharp loads libtorch on first use, so the library resolved by name is the one already mapped.
    private static void EnsureLibTorchLoaded() => _ = get_num_threads();

    [LibraryImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static partial IntPtr GlobalContext();

    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledMkldnn(IntPtr context);

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static partial void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
