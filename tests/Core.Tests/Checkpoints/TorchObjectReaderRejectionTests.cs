using System.Text;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// The reader interprets pickles and never executes them: callables outside torch's weights-only allow-list, opcodes
/// outside protocol 2's data vocabulary and values no checkpoint holds are refused, saying what was found.
/// </summary>
public class TorchObjectReaderRejectionTests
{
    [Theory]
    [InlineData("os", "system")]
    [InlineData("builtins", "eval")]
    [InlineData("__builtin__", "getattr")]
    [InlineData("torch._utils", "_rebuild_parameter")]
    [InlineData("torch", "Tensor")]
    [InlineData("torch", "load")]
    [InlineData("collections", "defaultdict")]
    public void A_global_outside_the_allow_list_is_refused_before_anything_is_called(string module, string name)
    {
        var pickle = Pickle($"63{Hex($"{module}\n{name}\n")} 29 52 2e");

        var error = Assert.Throws<InvalidCheckpointException>(() => CheckpointBytes.ReadPickle(pickle));

        Assert.Contains($"'{module}.{name}', which is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93", "STACK_GLOBAL")]
    [InlineData("69", "INST")]
    [InlineData("6f", "OBJ")]
    [InlineData("81", "NEWOBJ")]
    [InlineData("50", "PERSID")]
    [InlineData("8b", "LONG4")]
    [InlineData("42", "BINBYTES")]
    [InlineData("55", "SHORT_BINSTRING")]
    [InlineData("8c", "SHORT_BINUNICODE")]
    [InlineData("94", "MEMOIZE")]
    [InlineData("30", "POP")]
    [InlineData("32", "DUP")]
    [InlineData("46", "FLOAT")]
    public void An_opcode_outside_the_protocol_2_checkpoint_vocabulary_is_refused_by_name(string opcodeHex, string name)
    {
        var error = Assert.Throws<InvalidCheckpointException>(() => CheckpointBytes.ReadPickle(Pickle($"4e {opcodeHex} 2e")));

        Assert.Contains($"('{name}')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("63" + "636f6c6c656374696f6e730a4f726465726564446963740a" + "2e", "is collections.OrderedDict, which is not a value")]
    [InlineData("63" + "636f6c6c656374696f6e730a4f726465726564446963740a" + "4b01 85 52 2e", "calls collections.OrderedDict with 1 arguments")]
    [InlineData("7d 4e 4b01 73 2e", "has the key None")]
    [InlineData("7d 88 4b01 73 2e", "has the key True")]
    [InlineData("7d 29 4b01 73 2e", "has the key ()")]
    [InlineData("7d 4b01 61 2e", "appends to a dict")]
    [InlineData("5d 4b01 4b02 73 2e", "sets items on a list")]
    [InlineData("8a 09 000000000000000001 2e", "must fit in 64 bits")]
    [InlineData("5d 71 00 68 00 61 2e", "checkpoint[0] contains itself")]
    [InlineData("7d 71 00 4b00 68 00 73 2e", "checkpoint[0] contains itself")]
    [InlineData("47 3ff0", "truncated")]
    public void A_pickle_that_is_not_a_tree_of_checkpoint_values_is_refused_saying_what_it_found(string pickleHex, string named)
    {
        var error = Assert.Throws<InvalidCheckpointException>(() => CheckpointBytes.ReadPickle(Pickle(pickleHex)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_reference_that_no_tensor_wraps_is_refused()
    {
        var storage = $"28 58{Length("storage")}{Hex("storage")} 63{Hex("torch\nFloatStorage\n")} 58{Length("0")}{Hex("0")} 58{Length("cpu")}{Hex("cpu")} 4b01 74 51 2e";

        var error = Assert.Throws<InvalidCheckpointException>(() => CheckpointBytes.ReadPickle(Pickle(storage), ("0", new byte[4])));

        Assert.Contains("checkpoint is storage '0', which is not a value a checkpoint holds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_nested_more_than_256_levels_deep_are_refused_without_exhausting_the_stack()
    {
        var pickle = Pickle(string.Concat(Enumerable.Repeat("5d ", 100_000)) + string.Concat(Enumerable.Repeat("61 ", 99_999)) + "2e");

        var error = Assert.Throws<InvalidCheckpointException>(() => CheckpointBytes.ReadPickle(pickle));

        Assert.Contains("more than 256 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_a_tuple_nested_100000_deep_is_refused_with_a_bounded_description()
    {
        var pickle = Pickle("7d " + "4b01 " + string.Concat(Enumerable.Repeat("85 ", 100_000)) + "4b01 73 2e");

        var error = Assert.Throws<InvalidCheckpointException>(() => CheckpointBytes.ReadPickle(pickle));

        Assert.Contains("has the key ((((...))))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_shared_by_memo_is_read_once_and_shared_not_refused()
    {
        // [x, x] where x = [1]: EMPTY_LIST, MARK, EMPTY_LIST, BINPUT 0, K 1, APPEND, BINGET 0, APPENDS.
        var read = Assert.IsType<List<object?>>(CheckpointBytes.ReadPickle(Pickle("5d 28 5d 71 00 4b01 61 68 00 65 2e")));

        Assert.Same(read[0], read[1]);
        Assert.Equal([1L], Assert.IsType<List<object?>>(read[0]));
    }

    [Fact]
    public void A_key_set_twice_keeps_its_first_position_and_its_last_value_as_in_python()
    {
        // {'a': 1, 'b': 2, 'a': 3}
        var read = Assert.IsType<TorchDict>(CheckpointBytes.ReadPickle(Pickle($"7d 28 58{Length("a")}{Hex("a")} 4b01 58{Length("b")}{Hex("b")} 4b02 58{Length("a")}{Hex("a")} 4b03 75 2e")));

        Assert.Equal(["a", "b"], read.Keys.Select(key => key.Value));
        Assert.Equal(3L, read.GetLong("a"));
    }

    private static byte[] Pickle(string hex) => Convert.FromHexString("8002" + hex.Replace(" ", "", StringComparison.Ordinal));

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    private static string Length(string text) => Convert.ToHexString(BitConverter.GetBytes(Encoding.UTF8.GetByteCount(text)));
}
