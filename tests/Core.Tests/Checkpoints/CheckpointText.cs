using System.Globalization;
using System.Text;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// One canonical text for a checkpoint value, produced identically here and in Python (<see cref="PythonFunction"/>), so
/// two trees compare equal exactly when every value does: floats by their bits (-0.0 and NaN payloads included), strings
/// by their UTF-8, tensors by dtype, shape and bytes, and tuple against list, OrderedDict against dict, 0 against '0'.
/// </summary>
internal static class CheckpointText
{
    /// <summary>Python source defining <c>canonical(value)</c>; needs torch and struct imported.</summary>
    public const string PythonFunction = """
        import collections, struct, torch

        def canonical(value):
            if value is None:
                return "None"
            if isinstance(value, bool):
                return "True" if value else "False"
            if isinstance(value, int):
                return f"int({value})"
            if isinstance(value, float):
                return f"float({struct.pack('>d', value).hex()})"
            if isinstance(value, str):
                return f"str({value.encode('utf-8').hex()})"
            if isinstance(value, torch.Tensor):
                t = value.detach().contiguous()
                data = (t.view(torch.int16) if t.dtype == torch.bfloat16 else t).numpy().tobytes().hex()
                return f"tensor({str(t.dtype).replace('torch.', '')},[{','.join(str(s) for s in t.shape)}],{data})"
            if isinstance(value, tuple):
                return "tuple[" + ",".join(canonical(v) for v in value) + "]"
            if isinstance(value, list):
                return "list[" + ",".join(canonical(v) for v in value) + "]"
            if isinstance(value, collections.OrderedDict):
                return "OrderedDict{" + ",".join(canonical(k) + ":" + canonical(v) for k, v in value.items()) + "}"
            if type(value) is dict:
                return "dict{" + ",".join(canonical(k) + ":" + canonical(v) for k, v in value.items()) + "}"
            raise TypeError(f"no canonical text for {type(value)}")
        """;

    public static string Of(object? value) => Append(new StringBuilder(), value).ToString();

    private static StringBuilder Append(StringBuilder text, object? value) => value switch
    {
        null => text.Append("None"),
        bool flag => text.Append(flag ? "True" : "False"),
        long number => text.Append(CultureInfo.InvariantCulture, $"int({number})"),
        double real => text.Append($"float({BitConverter.DoubleToInt64Bits(real):x16})"),
        string str => text.Append($"str({Convert.ToHexStringLower(Encoding.UTF8.GetBytes(str))})"),
        TensorValue tensor => text.Append($"tensor({DtypeName(tensor.Type)},[{string.Join(',', tensor.Shape)}],{Convert.ToHexStringLower(tensor.Data)})"),
        TorchTuple tuple => Items(text.Append("tuple["), tuple.Items).Append(']'),
        TorchDict dict => Pairs(text.Append(dict.IsOrderedDict ? "OrderedDict{" : "dict{"), dict).Append('}'),
        IReadOnlyList<object?> list => Items(text.Append("list["), list).Append(']'),
        _ => throw new Xunit.Sdk.XunitException($"No canonical text for {value.GetType()}."),
    };

    private static StringBuilder Items(StringBuilder text, IReadOnlyList<object?> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            Append(i == 0 ? text : text.Append(','), items[i]);
        }

        return text;
    }

    private static StringBuilder Pairs(StringBuilder text, TorchDict dict)
    {
        var first = true;
        foreach (var (key, value) in dict)
        {
            Append(first ? text : text.Append(','), key.Value).Append(':');
            Append(text, value);
            first = false;
        }

        return text;
    }

    private static string DtypeName(StateTensorType type) => type switch
    {
        StateTensorType.Float32 => "float32",
        StateTensorType.Float64 => "float64",
        StateTensorType.Float16 => "float16",
        StateTensorType.BFloat16 => "bfloat16",
        StateTensorType.Int64 => "int64",
        StateTensorType.Int32 => "int32",
        StateTensorType.UInt8 => "uint8",
        StateTensorType.Bool => "bool",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor type."),
    };
}
