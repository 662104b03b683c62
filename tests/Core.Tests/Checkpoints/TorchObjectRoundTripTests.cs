using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>Whatever <see cref="TorchObjectWriter"/> writes, <see cref="TorchObjectReader"/> reads back as the same tree.</summary>
public class TorchObjectRoundTripTests
{
    [Fact]
    public void A_nested_training_checkpoint_round_trips_through_our_reader()
    {
        var checkpoint = SampleCheckpoints.EveryKind();

        var read = CheckpointBytes.RoundTrip(checkpoint);

        Assert.Equal(CheckpointText.Of(checkpoint), CheckpointText.Of(read));
    }

    [Fact]
    public void The_values_read_back_are_the_kinds_the_checkpoint_was_built_from()
    {
        var read = Assert.IsType<TorchDict>(CheckpointBytes.RoundTrip(SampleCheckpoints.EveryKind()));

        Assert.False(read.IsOrderedDict);
        Assert.Equal(3L, read.GetLong("epoch"));
        Assert.True(read.GetDict("model").IsOrderedDict);
        var group = Assert.IsType<TorchDict>(read.GetDict("optimizer").GetList("param_groups")[0]);
        Assert.Equal(0.1, group.GetDouble("lr"));
        Assert.Equal([0.9, 0.999], group.GetTuple("betas").Items);
        Assert.Null(group["foreach"]);
        Assert.Equal([0L, 1L], group.GetList("params"));
        Assert.Equal([2L, 3L], read.GetDict("optimizer").GetDict("state").GetDict(0).GetTensor("momentum_buffer").Shape);
        Assert.IsType<List<object?>>(read.GetDict("values")["empty_list"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    [InlineData(-5L)]
    [InlineData(2.5)]
    [InlineData("just a string")]
    public void A_scalar_can_be_the_whole_checkpoint(object? root)
    {
        Assert.Equal(root, CheckpointBytes.RoundTrip(root));
    }

    [Fact]
    public void Doubles_round_trip_bit_for_bit_including_negative_zero_subnormals_nan_and_infinities()
    {
        var read = Assert.IsType<List<object?>>(CheckpointBytes.RoundTrip(SampleCheckpoints.AwkwardDoubles.Cast<object?>().ToList()));

        Assert.Equal(
            SampleCheckpoints.AwkwardDoubles.Select(BitConverter.DoubleToInt64Bits),
            read.Select(value => BitConverter.DoubleToInt64Bits(Assert.IsType<double>(value))));
    }

    [Fact]
    public void Longs_round_trip_across_every_integer_encoding_boundary()
    {
        var read = Assert.IsType<List<object?>>(CheckpointBytes.RoundTrip(SampleCheckpoints.AwkwardLongs.Cast<object?>().ToList()));

        Assert.Equal(SampleCheckpoints.AwkwardLongs.Cast<object?>(), read);
    }

    [Fact]
    public void Unicode_strings_round_trip_as_keys_and_as_values()
    {
        var dict = new TorchDict();
        foreach (var text in SampleCheckpoints.AwkwardStrings)
        {
            dict[text] = text;
        }

        var read = Assert.IsType<TorchDict>(CheckpointBytes.RoundTrip(dict));

        Assert.Equal(SampleCheckpoints.AwkwardStrings, read.Keys.Select(key => key.Value));
        Assert.Equal(SampleCheckpoints.AwkwardStrings, read.Select(pair => pair.Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(2500)]
    public void Lists_and_dicts_of_any_length_round_trip_in_order_across_the_1000_item_batches(int count)
    {
        var dict = new TorchDict();
        var ordered = new TorchDict(isOrderedDict: true);
        for (var i = 0; i < count; i++)
        {
            dict[count - i] = (long)i;
            ordered[$"layer{i}"] = (double)i;
        }

        var checkpoint = new TorchDict { ["list"] = SampleCheckpoints.Counting(count), ["dict"] = dict, ["ordered"] = ordered };

        Assert.Equal(CheckpointText.Of(checkpoint), CheckpointText.Of(CheckpointBytes.RoundTrip(checkpoint)));
    }

    [Fact]
    public void Every_element_type_and_shape_of_tensor_round_trips_anywhere_in_the_tree()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape().Select(tensor => (object?)tensor.ToTensorValue()).ToList();
        var checkpoint = new TorchTuple(tensors, new TorchDict { [5] = new TorchTuple(tensors[0]) });

        var read = Assert.IsType<TorchTuple>(CheckpointBytes.RoundTrip(checkpoint));

        Assert.Equal(CheckpointText.Of(checkpoint), CheckpointText.Of(read));
    }

    [Fact]
    public void A_tensor_or_container_used_twice_is_written_twice_and_read_back_equal()
    {
        var shared = SampleCheckpoints.Floats([2], 1f);
        var group = new TorchDict { ["lr"] = 0.1 };
        var checkpoint = new TorchDict { ["a"] = shared, ["b"] = shared, ["groups"] = new List<object?> { group, group } };

        var archive = CheckpointBytes.Write(checkpoint);

        Assert.Contains(TestZipDirectory.Parse(archive), entry => entry.Name == "archive/data/1");
        Assert.Equal(CheckpointText.Of(checkpoint), CheckpointText.Of(CheckpointBytes.Read(archive)));
    }

    [Fact]
    public void Writing_the_same_checkpoint_twice_produces_identical_bytes()
    {
        Assert.Equal(CheckpointBytes.Write(SampleCheckpoints.EveryKind()), CheckpointBytes.Write(SampleCheckpoints.EveryKind()));
    }

    [Fact]
    public void Reading_from_a_non_seekable_stream_gives_the_same_tree()
    {
        var checkpoint = SampleCheckpoints.EveryKind();
        using var pipe = new ForwardOnlyStream(CheckpointBytes.Write(checkpoint));

        Assert.Equal(CheckpointText.Of(checkpoint), CheckpointText.Of(new TorchObjectReader().Read(pipe)));
    }

    [Fact]
    public void Nesting_up_to_256_levels_round_trips()
    {
        object? value = "leaf";
        for (var level = 0; level < 256; level++)
        {
            value = level % 2 == 0 ? new List<object?> { value } : new TorchDict { ["x"] = value };
        }

        Assert.Equal(CheckpointText.Of(value), CheckpointText.Of(CheckpointBytes.RoundTrip(value)));
    }

    [Fact]
    public void A_state_dict_written_by_PthWriter_reads_as_an_OrderedDict_of_tensors()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var read = Assert.IsType<TorchDict>(CheckpointBytes.Read(PthBytes.Write(tensors)));

        Assert.True(read.IsOrderedDict);
        StateTensorAssert.Equal(tensors, read.ToStateTensors());
    }

    [Fact]
    public void PthReader_reads_a_training_checkpoints_model_entry_only_once_it_is_extracted()
    {
        var archive = CheckpointBytes.Write(SampleCheckpoints.EveryKind());

        var error = Assert.Throws<InvalidCheckpointException>(() => PthBytes.Read(archive));
        var model = Assert.IsType<TorchDict>(CheckpointBytes.Read(archive)).GetDict("model").ToStateTensors();

        Assert.Contains("State dict entry 'epoch' holds an int (3); expected a string key and a tensor.", error.Message, StringComparison.Ordinal);
        StateTensorAssert.Equal(SampleStateDicts.EveryTypeAndShape(), model);
    }
}
