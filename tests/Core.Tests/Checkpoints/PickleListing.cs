using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// A test-side disassembler in the spirit of pickletools.dis that knows only the protocol-2 opcodes our writer may
/// emit; meeting anything else (FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL, BINPUT...) fails the test.
/// </summary>
internal static class PickleListing
{
    public static IReadOnlyList<string> Disassemble(byte[] pickle)
    {
        var lines = new List<string>();
        var position = 0;
        while (position < pickle.Length)
        {
            var opcode = pickle[position++];
            lines.Add(opcode switch
            {
                0x80 => $"PROTO {pickle[position++]}",
                (byte)'c' => $"GLOBAL '{Line(pickle, ref position)} {Line(pickle, ref position)}'",
                (byte)'X' => $"BINUNICODE '{Text(pickle, ref position)}'",
                (byte)'K' => $"BININT1 {pickle[position++]}",
                (byte)'M' => $"BININT2 {Read(pickle, ref position, 2, signed: false)}",
                (byte)'J' => $"BININT {Read(pickle, ref position, 4, signed: true)}",
                0x8a => $"LONG1 {Read(pickle, ref position, pickle[position++], signed: true)}",
                (byte)'(' => "MARK",
                (byte)')' => "EMPTY_TUPLE",
                (byte)'t' => "TUPLE",
                0x85 => "TUPLE1",
                0x86 => "TUPLE2",
                0x87 => "TUPLE3",
                (byte)'G' => $"BINFLOAT {BinaryPrimitives.ReadDoubleBigEndian(Take(pickle, ref position, 8)).ToString("R", CultureInfo.InvariantCulture)}",
                (byte)'N' => "NONE",
                0x88 => "NEWTRUE",
                (byte)']' => "EMPTY_LIST",
                (byte)'a' => "APPEND",
                (byte)'e' => "APPENDS",
                (byte)'}' => "EMPTY_DICT",
                (byte)'R' => "REDUCE",
                (byte)'Q' => "BINPERSID",
                0x89 => "NEWFALSE",
                (byte)'s' => "SETITEM",
                (byte)'u' => "SETITEMS",
                (byte)'.' => "STOP",
                _ => throw new Xunit.Sdk.XunitException($"Opcode 0x{opcode:x2} at byte {position - 1} is not one a protocol-2 state dict should contain."),
            });
        }

        Assert.Equal("STOP", lines[^1]);
        return lines;
    }

    private static ReadOnlySpan<byte> Take(byte[] pickle, ref int position, int length)
    {
        var span = pickle.AsSpan(position, length);
        position += length;
        return span;
    }

    private static string Line(byte[] pickle, ref int position)
    {
        var end = Array.IndexOf(pickle, (byte)'\n', position);
        var line = Encoding.ASCII.GetString(pickle, position, end - position);
        position = end + 1;
        return line;
    }

    private static string Text(byte[] pickle, ref int position)
    {
        var length = (int)Read(pickle, ref position, 4, signed: false);
        var text = Encoding.UTF8.GetString(pickle, position, length);
        position += length;
        return text;
    }

    private static long Read(byte[] pickle, ref int position, int length, bool signed)
    {
        Span<byte> padded = stackalloc byte[8];
        padded.Fill(signed && (pickle[position + length - 1] & 0x80) != 0 ? (byte)0xff : (byte)0);
        pickle.AsSpan(position, length).CopyTo(padded);
        position += length;
        return BinaryPrimitives.ReadInt64LittleEndian(padded);
    }
}
