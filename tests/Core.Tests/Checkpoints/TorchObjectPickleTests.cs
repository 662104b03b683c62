using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>data.pkl for a training checkpoint: protocol 2, opcode for opcode what CPython's pickler writes without memo.</summary>
public class TorchObjectPickleTests
{
    [Fact]
    public void An_optimizer_param_group_disassembles_to_the_opcodes_cpython_chooses()
    {
        var group = new TorchDict
        {
            ["lr"] = 0.1, ["betas"] = new TorchTuple(0.9, 0.999), ["nesterov"] = false, ["amsgrad"] = true, ["foreach"] = null,
            ["params"] = new List<object?> { 0L, 1L }, ["one"] = new List<object?> { -1L }, ["none"] = new List<object?>(),
        };

        string[] expected =
        [
            "PROTO 2", "EMPTY_DICT", "MARK",
            "BINUNICODE 'lr'", "BINFLOAT 0.1",
            "BINUNICODE 'betas'", "BINFLOAT 0.9", "BINFLOAT 0.999", "TUPLE2",
            "BINUNICODE 'nesterov'", "NEWFALSE",
            "BINUNICODE 'amsgrad'", "NEWTRUE",
            "BINUNICODE 'foreach'", "NONE",
            "BINUNICODE 'params'", "EMPTY_LIST", "MARK", "BININT1 0", "BININT1 1", "APPENDS",
            "BINUNICODE 'one'", "EMPTY_LIST", "BININT -1", "APPEND",
            "BINUNICODE 'none'", "EMPTY_LIST",
            "SETITEMS", "STOP",
        ];
        Assert.Equal(expected, PickleListing.Disassemble(DataPkl(group)));
    }

    [Fact]
    public void An_OrderedDict_is_built_by_calling_OrderedDict_and_a_one_item_dict_uses_SETITEM()
    {
        var dict = new TorchDict(isOrderedDict: true) { [0] = new TorchDict { ["step"] = 1L } };

        string[] expected =
        [
            "PROTO 2", "GLOBAL 'collections OrderedDict'", "EMPTY_TUPLE", "REDUCE",
            "BININT1 0", "EMPTY_DICT", "BINUNICODE 'step'", "BININT1 1", "SETITEM", "SETITEM", "STOP",
        ];
        Assert.Equal(expected, PickleListing.Disassemble(DataPkl(dict)));
    }

    [Fact]
    public void Floats_are_BINFLOAT_with_eight_big_endian_bytes()
    {
        var pickle = DataPkl(1.5);

        Assert.Equal(Convert.FromHexString("8002" + "47" + "3FF8000000000000" + "2E"), pickle);
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(2000, 2)]
    [InlineData(2001, 3)]
    public void List_and_dict_items_are_flushed_in_batches_of_1000_like_cpython(int count, int batches)
    {
        var dict = new TorchDict();
        for (var i = 0; i < count; i++)
        {
            dict[i] = 0L;
        }

        var list = PickleListing.Disassemble(DataPkl(SampleCheckpoints.Counting(count)));
        var items = PickleListing.Disassemble(DataPkl(dict));

        Assert.Equal(batches, list.Count(line => line is "APPENDS" or "APPEND"));
        Assert.Equal(batches, items.Count(line => line is "SETITEMS" or "SETITEM"));
        Assert.Equal(count % 1000 == 1 ? 1 : 0, list.Count(line => line == "APPEND"));
    }

    [Fact]
    public void Every_tensor_occurrence_gets_its_own_storage_numbered_in_pickle_order()
    {
        var first = SampleCheckpoints.Floats([2], 0f);
        var second = new TensorValue(StateTensorType.Int64, [], BitConverter.GetBytes(9L));
        var archive = CheckpointBytes.Write(new TorchDict { ["a"] = first, ["nested"] = new List<object?> { second, first } });

        var listing = PickleListing.Disassemble(PthBytes.Entry(archive, "archive/data.pkl"));

        Assert.Equal(["BINUNICODE '0'", "BINUNICODE '1'", "BINUNICODE '2'"], listing.Where(line => line is "BINUNICODE '0'" or "BINUNICODE '1'" or "BINUNICODE '2'"));
        Assert.Equal(first.Data, PthBytes.Entry(archive, "archive/data/0"));
        Assert.Equal(second.Data, PthBytes.Entry(archive, "archive/data/1"));
        Assert.Equal(first.Data, PthBytes.Entry(archive, "archive/data/2"));
        Assert.Equal(
            ["archive/data.pkl", "archive/.format_version", "archive/.storage_alignment", "archive/byteorder", "archive/data/0", "archive/data/1", "archive/data/2", "archive/version", "archive/.data/serialization_id"],
            TestZipDirectory.Parse(archive).Select(entry => entry.Name));
    }

    [SkippableFact]
    public void Without_tensors_our_pickle_is_byte_identical_to_cpythons_memo_free_pickler()
    {
        Skip.IfNot(DebianTorch.IsPythonAvailable, DebianTorch.PythonMissing);
        var tree = SampleCheckpoints.EveryKind();
        tree["model"] = new TorchDict(isOrderedDict: true) { ["many"] = SampleCheckpoints.Counting(2345) };
        tree["optimizer"] = tree["tensors"] = tree["rng"] = null;
        var expression = Path.GetTempFileName();
        try
        {
            File.WriteAllText(expression, PythonLiteral.Of(tree));

            var python = DebianTorch.Run(
                """
                import collections, io, pickle, struct, sys
                f = lambda bits: struct.unpack(">d", bytes.fromhex(bits))[0]
                s = lambda utf8: bytes.fromhex(utf8).decode("utf-8")
                out = io.BytesIO()
                pickler = pickle._Pickler(out, 2)
                pickler.fast = True  # no memo opcodes, like our writer
                pickler.dump(eval(open(sys.argv[1]).read()))
                print(out.getvalue().hex())
                """,
                expression);

            Assert.Equal(Convert.ToHexStringLower(DataPkl(tree)), python.Trim());
        }
        finally
        {
            File.Delete(expression);
        }
    }

    private static byte[] DataPkl(object? root) => PthBytes.Entry(CheckpointBytes.Write(root), "archive/data.pkl");
}
