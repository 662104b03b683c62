using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Torch;

/// <summary>
/// Sets what libtorch's CPU allocator fills new blocks with, to make a kernel's read of memory it never
/// wrote visible: under NaN junk such a read turns into NaN every time instead of at random. The settings
/// are exported booleans of libc10, written in place; libtorch aborts the process if both are on, so one
/// is always cleared before the other is set.
/// </summary>
internal static class CpuAllocatorFill
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
