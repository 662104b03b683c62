using System.Runtime.InteropServices;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>State dicts covering every element type and the awkward shapes: 0-dim, empty, 1-d, and more than three dimensions.</summary>
internal static class SampleStateDicts
{
    public static IReadOnlyList<StateTensor> EveryTypeAndShape() =>
    [
        Tensor("conv.weight", StateTensorType.Float32, [2, 1, 2, 2], MemoryMarshal.AsBytes<float>([1.5f, -2f, 3.25f, 0f, 1e-7f, -0f, 1e30f, 42f])),
        Tensor("fc.weight", StateTensorType.Float64, [2, 3], MemoryMarshal.AsBytes<double>([1, 2, 3, Math.PI, -Math.E, 1e300])),
        Tensor("half", StateTensorType.Float16, [3], MemoryMarshal.AsBytes<Half>([(Half)1, (Half)(-0.5), Half.MaxValue])),
        Tensor("bfloat", StateTensorType.BFloat16, [2], [0x80, 0x3f, 0x00, 0xc0]),
        Tensor("bn.num_batches_tracked", StateTensorType.Int64, [], BitConverter.GetBytes(123456789012L)),
        Tensor("ids", StateTensorType.Int32, [2, 2], MemoryMarshal.AsBytes<int>([1, -1, int.MaxValue, int.MinValue])),
        Tensor("pixels", StateTensorType.UInt8, [5], [0, 1, 127, 128, 255]),
        Tensor("mask", StateTensorType.Bool, [1, 3], [1, 0, 1]),
        Tensor("empty", StateTensorType.Float32, [0, 3], []),
    ];

    public static StateTensor Floats(string key, long[] shape)
    {
        var count = (int)shape.Aggregate(1L, (product, size) => product * size);
        var values = Enumerable.Range(0, count).Select(i => i * 0.5f).ToArray();
        return new StateTensor(key, StateTensorType.Float32, shape, MemoryMarshal.AsBytes<float>(values).ToArray());
    }

    private static StateTensor Tensor(string key, StateTensorType type, long[] shape, ReadOnlySpan<byte> data) =>
        new(key, type, shape, data.ToArray());
}
