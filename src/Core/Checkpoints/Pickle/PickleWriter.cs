using System.Buffers.Binary;
using System.Text;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>Emits protocol-2 opcodes, choosing the same integer, float and tuple encodings CPython's pickler does.</summary>
internal sealed class PickleWriter
{
    /// <summary>Strict, because a lone surrogate would otherwise turn silently into U+FFFD and the key would change.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly MemoryStream buffer = new();

    public void Op(byte opcode) => buffer.WriteByte(opcode);

    public void Proto2()
    {
        Op(PickleOpcodes.Proto);
        buffer.WriteByte(2);
    }

    public void Global(string module, string name)
    {
        Op(PickleOpcodes.Global);
        buffer.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
    }

    public void Unicode(string value)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException($"The string {TorchKey.FromString(value)} is not valid UTF-16 (it has a lone surrogate), so it has no UTF-8 form to pickle.", exception);
        }

        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        Op(PickleOpcodes.BinUnicode);
        buffer.Write(length);
        buffer.Write(bytes);
    }

    public void Int(long value) => buffer.Write(PickleIntegers.Encode(value));

    /// <summary>BINFLOAT, big-endian as CPython writes it; NaN payloads and the sign of zero travel unchanged.</summary>
    public void Float(double value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(double)];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        Op(PickleOpcodes.BinFloat);
        buffer.Write(bytes);
    }

    public void IntTuple(IReadOnlyList<long> values)
    {
        TupleStart(values.Count);
        foreach (var value in values)
        {
            Int(value);
        }

        TupleEnd(values.Count);
    }

    /// <summary>With <see cref="TupleEnd"/>, brackets a tuple's items: CPython uses TUPLE1..3 for short tuples and MARK..TUPLE beyond.</summary>
    public void TupleStart(int count)
    {
        if (count > 3)
        {
            Op(PickleOpcodes.Mark);
        }
    }

    public void TupleEnd(int count) => Op(count switch
    {
        0 => PickleOpcodes.EmptyTuple,
        1 => PickleOpcodes.Tuple1,
        2 => PickleOpcodes.Tuple2,
        3 => PickleOpcodes.Tuple3,
        _ => PickleOpcodes.Tuple,
    });

    public byte[] ToArray() => buffer.ToArray();
}
