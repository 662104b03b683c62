namespace TrainingService.Core.Checkpoints;

/// <summary>Per-type facts the PyTorch file format depends on.</summary>
public static class StateTensorTypeExtensions
{
    /// <summary>Bytes one element occupies in a storage.</summary>
    public static int ElementSize(this StateTensorType type) => type switch
    {
        StateTensorType.Float32 => 4,
        StateTensorType.Float64 => 8,
        StateTensorType.Float16 => 2,
        StateTensorType.BFloat16 => 2,
        StateTensorType.Int64 => 8,
        StateTensorType.Int32 => 4,
        StateTensorType.UInt8 => 1,
        StateTensorType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor type."),
    };

    /// <summary>The class name under module <c>torch</c> that pickles name for this type's storage.</summary>
    internal static string StorageClassName(this StateTensorType type) => type switch
    {
        StateTensorType.Float32 => "FloatStorage",
        StateTensorType.Float64 => "DoubleStorage",
        StateTensorType.Float16 => "HalfStorage",
        StateTensorType.BFloat16 => "BFloat16Storage",
        StateTensorType.Int64 => "LongStorage",
        StateTensorType.Int32 => "IntStorage",
        StateTensorType.UInt8 => "ByteStorage",
        StateTensorType.Bool => "BoolStorage",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor type."),
    };

    /// <summary>Maps a <c>torch.*Storage</c> class name back to its type; false for storages we do not support.</summary>
    internal static bool TryParseStorageClassName(string name, out StateTensorType type)
    {
        foreach (var candidate in Enum.GetValues<StateTensorType>())
        {
            if (candidate.StorageClassName() == name)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
