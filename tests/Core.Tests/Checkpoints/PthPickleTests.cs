using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>data.pkl as torch.save(state_dict) pickles it with protocol 2, which torch.load(weights_only=True) accepts.</summary>
public class PthPickleTests
{
    [Fact]
    public void A_one_tensor_state_dict_disassembles_to_the_torch_layout()
    {
        var archive = PthBytes.Write([SampleStateDicts.Floats("fc.weight", [2, 3])]);

        string[] expected =
        [
            "PROTO 2", "GLOBAL 'collections OrderedDict'", "EMPTY_TUPLE", "REDUCE",
            "BINUNICODE 'fc.weight'", "GLOBAL 'torch._utils _rebuild_tensor_v2'", "MARK",
            "MARK", "BINUNICODE 'storage'", "GLOBAL 'torch FloatStorage'", "BINUNICODE '0'", "BINUNICODE 'cpu'", "BININT1 6", "TUPLE", "BINPERSID",
            "BININT1 0", "BININT1 2", "BININT1 3", "TUPLE2", "BININT1 3", "BININT1 1", "TUPLE2", "NEWFALSE",
            "GLOBAL 'collections OrderedDict'", "EMPTY_TUPLE", "REDUCE", "TUPLE", "REDUCE",
            "SETITEM", "STOP",
        ];
        Assert.Equal(expected, PickleListing.Disassemble(PthBytes.Entry(archive, "archive/data.pkl")));
    }

    [Fact]
    public void A_zero_dim_int64_tensor_is_a_one_element_LongStorage_with_empty_size_and_stride()
    {
        var counter = new StateTensor("bn.num_batches_tracked", StateTensorType.Int64, [], BitConverter.GetBytes(7L));
        var listing = PickleListing.Disassemble(PthBytes.Entry(PthBytes.Write([counter]), "archive/data.pkl"));

        string[] storageThroughFlag =
        [
            "GLOBAL 'torch LongStorage'", "BINUNICODE '0'", "BINUNICODE 'cpu'", "BININT1 1", "TUPLE", "BINPERSID",
            "BININT1 0", "EMPTY_TUPLE", "EMPTY_TUPLE", "NEWFALSE",
        ];
        var start = listing.ToList().IndexOf("GLOBAL 'torch LongStorage'");
        Assert.Equal(storageThroughFlag, listing.Skip(start).Take(storageThroughFlag.Length));
    }

    [Theory]
    [InlineData(StateTensorType.Float32, "FloatStorage")]
    [InlineData(StateTensorType.Float64, "DoubleStorage")]
    [InlineData(StateTensorType.Float16, "HalfStorage")]
    [InlineData(StateTensorType.BFloat16, "BFloat16Storage")]
    [InlineData(StateTensorType.Int64, "LongStorage")]
    [InlineData(StateTensorType.Int32, "IntStorage")]
    [InlineData(StateTensorType.UInt8, "ByteStorage")]
    [InlineData(StateTensorType.Bool, "BoolStorage")]
    public void Each_element_type_names_its_torch_storage_class(StateTensorType type, string storageClass)
    {
        var tensor = new StateTensor("t", type, [1], new byte[type.ElementSize()]);

        var listing = PickleListing.Disassemble(PthBytes.Entry(PthBytes.Write([tensor]), "archive/data.pkl"));

        Assert.Contains($"GLOBAL 'torch {storageClass}'", listing);
    }

    [Fact]
    public void Many_tensors_of_every_shape_use_only_protocol_2_opcodes_and_batch_items_with_SETITEMS()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var listing = PickleListing.Disassemble(PthBytes.Entry(PthBytes.Write(tensors), "archive/data.pkl"));

        Assert.Equal("PROTO 2", listing[0]);
        Assert.Equal(["SETITEMS", "STOP"], listing.TakeLast(2));
        Assert.Equal(tensors.Count, listing.Count(line => line == "BINPERSID"));
    }
}
