using System.Runtime.InteropServices;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>Training checkpoints laid out as PyTorch users save them, holding every kind of value and the awkward ones of each kind.</summary>
internal static class SampleCheckpoints
{
    public static readonly double[] AwkwardDoubles =
        [0.0, -0.0, 0.1, -2.5, 1e-300, double.Epsilon, double.MaxValue, double.NaN, BitConverter.Int64BitsToDouble(0x7ff8_0000_0000_0123), double.PositiveInfinity, double.NegativeInfinity];

    public static readonly long[] AwkwardLongs =
        [0, 1, 255, 256, 65535, 65536, -1, -256, int.MaxValue, (long)int.MaxValue + 1, int.MinValue, (long)int.MinValue - 1, long.MaxValue, long.MinValue];

    public static readonly string[] AwkwardStrings = ["", "lr", "conv1.weight", "größe", "学习率", "emoji 🚀", "quote ' and \\ backslash", "line\nbreak"];

    /// <summary>{"epoch", "model": OrderedDict, "optimizer": SGD-like state dict, "scheduler", "rng", "values": every awkward scalar}.</summary>
    public static TorchDict EveryKind() => new()
    {
        ["epoch"] = 3L,
        ["best_accuracy"] = 0.9875,
        ["name"] = "lenet5",
        ["finished"] = false,
        ["resumed_from"] = null,
        ["model"] = TorchDict.FromStateTensors(SampleStateDicts.EveryTypeAndShape()),
        ["optimizer"] = new TorchDict
        {
            ["state"] = new TorchDict
            {
                [0] = new TorchDict { ["momentum_buffer"] = Floats([2, 3], 0.25f) },
                [1] = new TorchDict { ["step"] = Scalar(7f), ["exp_avg"] = Floats([3], -1f) },
            },
            ["param_groups"] = new List<object?>
            {
                new TorchDict
                {
                    ["lr"] = 0.1, ["momentum"] = 0.9, ["dampening"] = 0L, ["betas"] = new TorchTuple(0.9, 0.999),
                    ["nesterov"] = false, ["maximize"] = true, ["foreach"] = null, ["params"] = new List<object?> { 0L, 1L },
                },
            },
        },
        ["scheduler"] = new TorchDict { ["last_epoch"] = 3L, ["_last_lr"] = new List<object?> { 0.001 }, ["base_lrs"] = new List<object?> { 0.1 } },
        ["rng"] = new TorchDict
        {
            ["torch_cpu"] = new TensorValue(StateTensorType.UInt8, [16], Enumerable.Range(0, 16).Select(i => (byte)(i * 17)).ToArray()),
            ["seed"] = 42L,
        },
        ["values"] = new TorchDict
        {
            ["doubles"] = AwkwardDoubles.Cast<object?>().ToList(),
            ["longs"] = AwkwardLongs.Cast<object?>().ToList(),
            ["strings"] = AwkwardStrings.Cast<object?>().ToList(),
            ["bools"] = new TorchTuple(true, false),
            ["tuples"] = new TorchTuple(TorchTuple.Empty, new TorchTuple(1L), new TorchTuple(1L, 2L), new TorchTuple(1L, 2L, 3L), new TorchTuple(1L, 2L, 3L, 4L)),
            ["empty_list"] = new List<object?>(),
            ["empty_dict"] = new TorchDict(),
            ["empty_ordered_dict"] = new TorchDict(isOrderedDict: true),
            ["one_item_list"] = new List<object?> { "only" },
            ["list_of_lists"] = new List<object?> { new List<object?>(), new List<object?> { null } },
            ["int_and_str_keys"] = new TorchDict { [0] = "int zero", ["0"] = "str zero", [-7] = "negative", [long.MaxValue] = "huge" },
        },
        ["tensors"] = new TorchDict
        {
            ["int64_scalar"] = new TensorValue(StateTensorType.Int64, [], BitConverter.GetBytes(long.MinValue)),
            ["float64_scalar"] = new TensorValue(StateTensorType.Float64, [], BitConverter.GetBytes(-0.0)),
            ["float32_matrix"] = Floats([2, 2], 1.5f),
            ["uint8_empty"] = new TensorValue(StateTensorType.UInt8, [0], []),
            ["in_a_tuple"] = new TorchTuple(Scalar(1f), Scalar(2f)),
        },
    };

    /// <summary>Counting values, so order and position mistakes show: 0, 1, 2, ... as longs.</summary>
    public static List<object?> Counting(int count) => Enumerable.Range(0, count).Select(i => (object?)(long)i).ToList();

    public static TensorValue Floats(long[] shape, float start)
    {
        var count = (int)shape.Aggregate(1L, (product, size) => product * size);
        var values = Enumerable.Range(0, count).Select(i => start + i).ToArray();
        return new TensorValue(StateTensorType.Float32, shape, MemoryMarshal.AsBytes<float>(values).ToArray());
    }

    public static TensorValue Scalar(float value) => new(StateTensorType.Float32, [], BitConverter.GetBytes(value));
}
