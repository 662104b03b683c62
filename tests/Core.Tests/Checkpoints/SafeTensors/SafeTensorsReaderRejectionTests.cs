using System.Buffers.Binary;
using System.Text;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;

namespace TrainingService.Core.Tests.Checkpoints.SafeTensors;

public sealed class SafeTensorsReaderRejectionTests
{
    private static byte[] File(string header, int dataBytes)
    {
        var text = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + text.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)text.Length);
        text.CopyTo(bytes, 8);
        return bytes;
    }

    private static InvalidCheckpointException Refused(byte[] bytes) =>
        Assert.Throws<InvalidCheckpointException>(() => new SafeTensorsReader().Read(new MemoryStream(bytes)));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_file_shorter_than_the_length_prefix_is_refused(int length) =>
        Assert.Contains("8-byte header length", Refused(new byte[length]).Message);

    [Fact]
    public void A_header_length_beyond_the_file_is_refused()
    {
        var bytes = File("{}", 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);

        Assert.Contains("runs past the end of the file", Refused(bytes).Message);
    }

    [Fact]
    public void A_header_length_over_the_limit_is_refused_before_anything_is_allocated()
    {
        var bytes = File("{}", 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);

        Assert.Contains("over the limit", Refused(bytes).Message);
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"I8","shape":[2],"data_offsets":[0,2]}}""", 2, "dtype 'I8'")]
    [InlineData("""{"w":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}}""", 2, "dtype 'F8_E4M3'")]
    [InlineData("""{"w":{"shape":[2],"data_offsets":[0,8]}}""", 8, "no dtype")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12, "inside the tensor before it")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""", 12, "leaving a gap")]
    [InlineData("""{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8, "past the 8 bytes of data")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", 8, "end before they begin")]
    [InlineData("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "needs 12 bytes")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 12, "the file has 12")]
    [InlineData("""{"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", 8, "not a non-negative integer")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}}""", 8, "it needs 2")]
    [InlineData("""{"w":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8, "overflows")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8, "twice")]
    [InlineData("""{"__metadata__":{"epoch":3}}""", 0, "must be a string")]
    [InlineData("""{"__metadata__":[]}""", 0, "must be an object")]
    [InlineData("""[1, 2]""", 0, "must be a JSON object")]
    [InlineData("""{"w":""", 0, "not valid JSON")]
    [InlineData("""{"w":[1]}""", 0, "described by an object")]
    public void A_malformed_header_is_refused_saying_what_is_wrong(string header, int dataBytes, string reason) =>
        Assert.Contains(reason, Refused(File(header, dataBytes)).Message);

    [Fact]
    public void A_header_that_is_not_utf8_is_refused()
    {
        var bytes = File("{\"x\":1}", 0);
        bytes[10] = 0xff;

        Assert.Contains("UTF-8", Refused(bytes).Message);
    }

    [Fact]
    public void Truncated_and_corrupted_files_are_refused_or_read_but_never_crash_the_reader()
    {
        var valid = new SafeTensorsWriter().ToBytes(SampleStateDicts.EveryTypeAndShape(), new Dictionary<string, string> { ["model"] = "x" });
        for (var length = 0; length < valid.Length; length++)
        {
            Refused(valid[..length]);
        }

        var random = new Random(14);
        for (var trial = 0; trial < 2000; trial++)
        {
            var corrupt = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            }
            try
            {
                new SafeTensorsReader().Read(new MemoryStream(corrupt));
            }
            catch (InvalidCheckpointException)
            {
            }
        }
    }
}
