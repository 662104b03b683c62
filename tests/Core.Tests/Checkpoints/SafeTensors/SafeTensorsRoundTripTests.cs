using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;

namespace TrainingService.Core.Tests.Checkpoints.SafeTensors;

public sealed class SafeTensorsRoundTripTests
{
    private static readonly Dictionary<string, string> Metadata = new()
    {
        ["model"] = "lenet5", ["epoch"] = "3", ["spec_sha256"] = new string('a', 64), ["note"] = "ü \"quoted\"",
    };

    [Fact]
    public void Every_type_and_shape_reads_back_with_equal_bytes_and_metadata()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var file = new SafeTensorsReader().Read(new MemoryStream(new SafeTensorsWriter().ToBytes(tensors, Metadata)));

        Assert.Equal(Metadata, file.Metadata);
        Assert.Equal(tensors.Count, file.Tensors.Count);
        foreach (var tensor in tensors)
        {
            var read = file.Tensors.Single(t => t.Key == tensor.Key);
            Assert.Equal(tensor.Type, read.Type);
            Assert.Equal(tensor.Shape, read.Shape);
            Assert.Equal(tensor.Data, read.Data);
        }
    }

    [Fact]
    public void A_forward_only_stream_reads_the_same()
    {
        var bytes = new SafeTensorsWriter().ToBytes(SampleStateDicts.EveryTypeAndShape(), Metadata);

        var file = new SafeTensorsReader().Read(new ForwardOnlyStream(bytes));

        Assert.Equal(9, file.Tensors.Count);
    }

    [Fact]
    public void An_independent_reader_of_the_three_parts_finds_every_tensor_where_the_header_says()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();
        var bytes = new SafeTensorsWriter().ToBytes(tensors, Metadata);

        // The format by hand: u64 little-endian header length, a JSON object, then the data the offsets index.
        var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0, 8)));
        Assert.Equal(0, length % 8);
        var headerText = Encoding.UTF8.GetString(bytes, 8, length);
        Assert.StartsWith("{\"__metadata__\":", headerText);
        using var header = JsonDocument.Parse(headerText);
        var dataStart = 8 + length;
        var types = new Dictionary<StateTensorType, string>
        {
            [StateTensorType.Float32] = "F32", [StateTensorType.Float64] = "F64", [StateTensorType.Float16] = "F16",
            [StateTensorType.BFloat16] = "BF16", [StateTensorType.Int64] = "I64", [StateTensorType.Int32] = "I32",
            [StateTensorType.UInt8] = "U8", [StateTensorType.Bool] = "BOOL",
        };
        var covered = 0L;
        foreach (var tensor in tensors)
        {
            var entry = header.RootElement.GetProperty(tensor.Key);
            Assert.Equal(types[tensor.Type], entry.GetProperty("dtype").GetString());
            Assert.Equal(tensor.Shape, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt32()).ToArray();
            Assert.Equal(tensor.Data, bytes[(dataStart + offsets[0])..(dataStart + offsets[1])]);
            Assert.Equal(0, offsets[0] % tensor.Type.ElementSize());
            covered += offsets[1] - offsets[0];
        }
        Assert.Equal(bytes.Length - dataStart, covered);
        var metadata = header.RootElement.GetProperty("__metadata__").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(Metadata, metadata);
    }
}
