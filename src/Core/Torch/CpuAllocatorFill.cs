using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TrainingService.Core.Torch;

/// <summary>
/// Sets what libtorch's CPU allocator fills new blocks with. The oneDNN convolution kernels in
/// libtorch 2.10 (oneDNN 3.7.1) compute an input gradient from an output gradient padded to the
/// kernel's channel block (16 with AVX-512, 8 with AVX2) and read the padding without initialising
/// it; when the reused memory there happens to hold a NaN pattern (image bytes often do), the input
/// gradient turns NaN and the run diverges at a random step. Zeroed blocks make that padding 0,
/// which is what the kernel assumes. The settings are exported booleans of libc10, written in place;
/// libtorch aborts the process if both are on, so one is always cleared before the other is set.
/// </summary>
public static class CpuAllocatorFill
{
    private const string ZeroFillFlag = "FLAGS_caffe2_cpu_allocator_do_zero_fill";
    private const string JunkFillFlag = "FLAGS_caffe2_cpu_allocator_do_junk_fill";

    public static CpuAllocationFill Current =>
        Read(ZeroFillFlag) ? CpuAllocationFill.Zero : Read(JunkFillFlag) ? CpuAllocationFill.NaNJunk : CpuAllocationFill.None;

    /// <summary>Applies <paramref name="fill"/> to every CPU block allocated from now on; returns the setting before.</summary>
    /// <exception cref="InvalidOperationException">This libtorch does not export the settings.</exception>
    public static CpuAllocationFill Set(CpuAllocationFill fill)
    {
        var before = Current;
        Write(fill == CpuAllocationFill.Zero ? JunkFillFlag : ZeroFillFlag, false);
        Write(ZeroFillFlag, fill == CpuAllocationFill.Zero);
        Write(JunkFillFlag, fill == CpuAllocationFill.NaNJunk);
        return before;
    }

    private static bool Read(string flag) => Marshal.ReadByte(Flag(flag)) != 0;

    private static void Write(string flag, bool on) => Marshal.WriteByte(Flag(flag), on ? (byte)1 : (byte)0);

    private static IntPtr Flag(string name)
    {
        // TorchSharp loads libtorch first, so the libc10 resolved next is the one already mapped.
        _ = get_num_threads();
        if (!NativeLibrary.TryLoad("libc10", typeof(CpuAllocatorFill).Assembly, null, out var library)
            || !NativeLibrary.TryGetExport(library, name, out var address))
        {
            throw new InvalidOperationException($"libc10 does not export {name}; this libtorch cannot fill CPU allocations.");
        }
        return address;
    }
}
