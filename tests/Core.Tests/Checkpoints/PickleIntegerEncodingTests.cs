using TrainingService.Core.Checkpoints.Pickle;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>Integers are encoded the way CPython's pickler picks: the smallest of BININT1, BININT2, BININT, then LONG1.</summary>
public class PickleIntegerEncodingTests
{
    [Theory]
    [InlineData(0L, "BININT1 0")]
    [InlineData(255L, "BININT1 255")]
    [InlineData(256L, "BININT2 256")]
    [InlineData(65535L, "BININT2 65535")]
    [InlineData(65536L, "BININT 65536")]
    [InlineData(-1L, "BININT -1")]
    [InlineData(2147483647L, "BININT 2147483647")]
    [InlineData(2147483648L, "LONG1 2147483648")]
    [InlineData(-2147483649L, "LONG1 -2147483649")]
    [InlineData(long.MaxValue, "LONG1 9223372036854775807")]
    public void An_integer_uses_the_smallest_protocol_2_encoding(long value, string expected)
    {
        var writer = new PickleWriter();
        writer.Int(value);
        writer.Op(PickleOpcodes.Stop);

        Assert.Equal([expected, "STOP"], PickleListing.Disassemble(writer.ToArray()));
    }

    [Theory]
    [InlineData(2147483648L, 5)]
    [InlineData(-2147483649L, 5)]
    [InlineData(long.MaxValue, 8)]
    public void LONG1_uses_the_fewest_twos_complement_bytes(long value, int length)
    {
        var writer = new PickleWriter();
        writer.Int(value);

        Assert.Equal(length, writer.ToArray()[1]);
        Assert.Equal(value, PickleIntegers.DecodeLong1(writer.ToArray().AsSpan(2)));
    }
}
