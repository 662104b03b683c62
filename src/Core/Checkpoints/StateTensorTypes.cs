using static TorchSharp.torch;

namespace TrainingService.Core.Checkpoints;

/// <summary>Maps between TorchSharp dtypes and the element types a checkpoint can hold.</summary>
internal static class StateTensorTypes
{
    public static StateTensorType FromScalarType(ScalarType dtype, string key) => dtype switch
    {
        ScalarType.Float32 => StateTensorType.Float32,
        ScalarType.Float64 => StateTensorType.Float64,
        ScalarType.Float16 => StateTensorType.Float16,
        ScalarType.BFloat16 => StateTensorType.BFloat16,
        ScalarType.Int64 => StateTensorType.Int64,
        ScalarType.Int32 => StateTensorType.Int32,
        ScalarType.Byte => StateTensorType.UInt8,
        ScalarType.Bool => StateTensorType.Bool,
        _ => throw new NotSupportedException($"Tensor '{key}' has dtype {dtype}, which checkpoints do not support."),
    };

    public static ScalarType ToScalarType(StateTensorType type) => type switch
    {
        StateTensorType.Float32 => ScalarType.Float32,
        StateTensorType.Float64 => ScalarType.Float64,
        StateTensorType.Float16 => ScalarType.Float16,
        StateTensorType.BFloat16 => ScalarType.BFloat16,
        StateTensorType.Int64 => ScalarType.Int64,
        StateTensorType.Int32 => ScalarType.Int32,
        StateTensorType.UInt8 => ScalarType.Byte,
        StateTensorType.Bool => ScalarType.Bool,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor type."),
    };
}
