using System.Runtime.InteropServices;
using System.Text;

namespace TrainingService.Worker.Fleet;

/// <summary>
/// Reads the GPU's name and memory through NVML (<c>libnvidia-ml.so.1</c>, installed with the driver),
/// since TorchSharp 0.107 exposes neither. Optional: where the library or the device is missing every
/// reading is <see cref="GpuReading.None"/>. The device is the first of <c>CUDA_VISIBLE_DEVICES</c>
/// (an index or a <c>GPU-</c> UUID), else device 0; memory in use is the whole device's, libtorch's
/// cache included, which is what another process could still get.
/// </summary>
public sealed class Nvml
{
    private const string Library = "libnvidia-ml.so.1";
    private const int Success = 0;

    private readonly IntPtr _device;

    private Nvml(IntPtr device) => _device = device;

    /// <summary>Null where NVML cannot be loaded or has no such device.</summary>
    public static Nvml? TryOpen(string? visibleDevices)
    {
        try
        {
            if (nvmlInit_v2() != Success)
            {
                return null;
            }
            var first = visibleDevices?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var found = first switch
            {
                null => nvmlDeviceGetHandleByIndex_v2(0, out var device) == Success ? device : IntPtr.Zero,
                _ when uint.TryParse(first, out var index) => nvmlDeviceGetHandleByIndex_v2(index, out var device) == Success ? device : IntPtr.Zero,
                _ => nvmlDeviceGetHandleByUUID(first, out var device) == Success ? device : IntPtr.Zero,
            };
            return found == IntPtr.Zero ? null : new Nvml(found);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public GpuReading Read()
    {
        var name = new byte[96];
        var hasName = nvmlDeviceGetName(_device, name, (uint)name.Length) == Success;
        var hasMemory = nvmlDeviceGetMemoryInfo(_device, out var memory) == Success;
        return new GpuReading(
            hasName ? Encoding.UTF8.GetString(name, 0, Array.IndexOf(name, (byte)0) is >= 0 and var end ? end : name.Length) : null,
            hasMemory ? (long)memory.Total : null,
            hasMemory ? (long)memory.Used : null);
    }

    /// <summary>The device's CUDA compute capability (8.0 for A100, 9.0 for H100), or null where NVML cannot say.</summary>
    public ComputeCapability? ReadComputeCapability() =>
        nvmlDeviceGetCudaComputeCapability(_device, out var major, out var minor) == Success ? new ComputeCapability(major, minor) : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [DllImport(Library)]
    private static extern int nvmlInit_v2();

    [DllImport(Library)]
    private static extern int nvmlDeviceGetHandleByIndex_v2(uint index, out IntPtr device);

    [DllImport(Library, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int nvmlDeviceGetHandleByUUID(string uuid, out IntPtr device);

    [DllImport(Library)]
    private static extern int nvmlDeviceGetName(IntPtr device, byte[] name, uint length);

    [DllImport(Library)]
    private static extern int nvmlDeviceGetMemoryInfo(IntPtr device, out Memory memory);

    [DllImport(Library)]
    private static extern int nvmlDeviceGetCudaComputeCapability(IntPtr device, out int major, out int minor);
}
