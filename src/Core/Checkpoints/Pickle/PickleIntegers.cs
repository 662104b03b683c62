using System.Buffers.Binary;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// Integer opcodes chosen as CPython's protocol-2 pickler chooses them: BININT1, BININT2, BININT, then LONG1,
/// whose argument is little-endian two's complement in as few bytes as hold the value.
/// </summary>
internal static class PickleIntegers
{
    public static byte[] Encode(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return value switch
        {
            >= 0 and <= byte.MaxValue => [PickleOpcodes.BinInt1, .. bytes[..1]],
            >= 0 and <= ushort.MaxValue => [PickleOpcodes.BinInt2, .. bytes[..2]],
            >= int.MinValue and <= int.MaxValue => [PickleOpcodes.BinInt, .. bytes[..4]],
            _ => [PickleOpcodes.Long1, (byte)MinimalLength(value), .. bytes[..MinimalLength(value)]],
        };
    }

    public static long DecodeLong1(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > sizeof(long))
        {
            throw new InvalidCheckpointException($"data.pkl holds a {bytes.Length}-byte integer; checkpoint integers must fit in 64 bits.");
        }

        if (bytes.IsEmpty)
        {
            return 0;
        }

        long value = (sbyte)bytes[^1];
        for (var i = bytes.Length - 2; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    private static int MinimalLength(long value)
    {
        var length = 1;
        while (length < sizeof(long) && (value >> ((8 * length) - 1)) is not (0 or -1))
        {
            length++;
        }

        return length;
    }
}
