namespace TrainingService.Core.Checkpoints.SafeTensors;

/// <summary>The safetensors spelling of each element type, and the alignment rank the reference writer sorts by.</summary>
internal static class SafeTensorsDtypes
{
    public static string Name(StateTensorType type) => type switch
    {
        StateTensorType.Float32 => "F32",
        StateTensorType.Float64 => "F64",
        StateTensorType.Float16 => "F16",
        StateTensorType.BFloat16 => "BF16",
        StateTensorType.Int64 => "I64",
        StateTensorType.Int32 => "I32",
        StateTensorType.UInt8 => "U8",
        StateTensorType.Bool => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor type."),
    };

    public static bool TryParse(string name, out StateTensorType type)
    {
        foreach (var candidate in Enum.GetValues<StateTensorType>())
        {
            if (Name(candidate) == name)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>
    /// The position of the type in the Rust crate's <c>Dtype</c> enum (declared in increasing alignment); its writer puts
    /// higher ranks first, so every tensor's data starts aligned to its element size.
    /// </summary>
    public static int AlignmentRank(StateTensorType type) => type switch
    {
        StateTensorType.Bool => 0,
        StateTensorType.UInt8 => 1,
        StateTensorType.Float16 => 7,
        StateTensorType.BFloat16 => 8,
        StateTensorType.Int32 => 9,
        StateTensorType.Float32 => 11,
        StateTensorType.Float64 => 12,
        StateTensorType.Int64 => 13,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor type."),
    };
}
