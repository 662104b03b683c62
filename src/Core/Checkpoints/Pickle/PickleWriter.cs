using System.Buffers.Binary;
using System.Text;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>Emits protocol-2 opcodes, choosing the same integer and tuple encodings CPython's pickler does.</summary>
internal sealed class PickleWriter
{
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
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        Op(PickleOpcodes.BinUnicode);
        buffer.Write(length);
        buffer.Write(bytes);
    }

    public void Int(long value) => buffer.Write(PickleIntegers.Encode(value));

    public void IntTuple(IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            Op(PickleOpcodes.EmptyTuple);
            return;
        }

        if (values.Count > 3)
        {
            Op(PickleOpcodes.Mark);
        }

        foreach (var value in values)
        {
            Int(value);
        }

        Op(values.Count switch { 1 => PickleOpcodes.Tuple1, 2 => PickleOpcodes.Tuple2, 3 => PickleOpcodes.Tuple3, _ => PickleOpcodes.Tuple });
    }

    public byte[] ToArray() => buffer.ToArray();
}
