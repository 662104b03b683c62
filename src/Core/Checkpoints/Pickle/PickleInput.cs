using System.Buffers.Binary;
using System.Text;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A cursor over pickle bytes whose reads fail with <see cref="InvalidCheckpointException"/> instead of running off the end.</summary>
internal sealed class PickleInput(byte[] bytes)
{
    private int position;

    public int Position => position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>BINFLOAT is the one pickle argument stored big-endian (struct format '>d').</summary>
    public double ReadFloat64BigEndian() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0)
        {
            throw new InvalidCheckpointException($"data.pkl has a negative length at byte {position}; the file is corrupt.");
        }

        return Take(count);
    }

    public string ReadLine()
    {
        var end = Array.IndexOf(bytes, (byte)'\n', position);
        if (end < 0)
        {
            throw new InvalidCheckpointException("data.pkl ends inside a GLOBAL name; the file is truncated.");
        }

        var line = Encoding.UTF8.GetString(bytes, position, end - position);
        position = end + 1;
        return line;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > bytes.Length - position)
        {
            throw new InvalidCheckpointException($"data.pkl ends at byte {bytes.Length} while reading an opcode argument; the file is truncated.");
        }

        var span = bytes.AsSpan(position, count);
        position += count;
        return span;
    }
}
