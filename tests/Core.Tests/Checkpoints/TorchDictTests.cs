using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>TorchDict behaves like a Python dict, and its typed getters explain a checkpoint that is not what was expected.</summary>
public class TorchDictTests
{
    [Fact]
    public void Keys_keep_insertion_order_and_replacing_a_value_keeps_its_position()
    {
        var dict = new TorchDict { ["b"] = 1L, ["a"] = 2L, [3] = 3L };

        dict["b"] = 10L;

        Assert.Equal(["b", "a", 3L], dict.Keys.Select(key => key.Value));
        Assert.Equal([10L, 2L, 3L], dict.Select(pair => pair.Value));
    }

    [Fact]
    public void The_str_key_0_and_the_int_key_0_are_different_keys_as_in_python()
    {
        var dict = new TorchDict { [0] = "int", ["0"] = "str" };

        Assert.Equal(2, dict.Count);
        Assert.Equal("int", dict.GetString(0));
        Assert.Equal("str", dict.GetString("0"));
    }

    [Fact]
    public void Adding_a_key_that_is_already_there_is_refused()
    {
        var dict = new TorchDict { { "lr", 0.1 } };

        var error = Assert.Throws<ArgumentException>(() => dict.Add("lr", 0.2));

        Assert.Contains("'lr'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(3f)]
    [InlineData(3u)]
    [InlineData('c')]
    public void A_value_python_has_no_kind_for_is_refused_on_insertion_pointing_at_long_and_double(object value)
    {
        var error = Assert.Throws<ArgumentException>(() => new TorchDict { ["epoch"] = value });

        Assert.Contains(value.GetType().Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("Integers must be long and floats double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_getters_return_values_of_their_kind()
    {
        var dict = new TorchDict
        {
            ["epoch"] = 3L, ["lr"] = 0.1, ["weight_decay"] = 0L, ["nesterov"] = true, ["name"] = "sgd",
            ["step"] = SampleCheckpoints.Scalar(1f), ["state"] = new TorchDict(), ["betas"] = new TorchTuple(0.9, 0.999), ["params"] = new List<object?>(),
        };

        Assert.Equal(3L, dict.GetLong("epoch"));
        Assert.Equal(0.1, dict.GetDouble("lr"));
        Assert.Equal(0.0, dict.GetDouble("weight_decay"));
        Assert.True(dict.GetBool("nesterov"));
        Assert.Equal("sgd", dict.GetString("name"));
        Assert.Empty(dict.GetTensor("step").Shape);
        Assert.Equal(0, dict.GetDict("state").Count);
        Assert.Equal(2, dict.GetTuple("betas").Count);
        Assert.Empty(dict.GetList("params"));
    }

    [Fact]
    public void A_missing_value_in_a_read_checkpoint_is_an_invalid_checkpoint_naming_its_full_key_path()
    {
        var read = Assert.IsType<TorchDict>(CheckpointBytes.RoundTrip(SampleCheckpoints.EveryKind()));
        var state = read.GetDict("optimizer").GetDict("state").GetDict(0);

        var error = Assert.Throws<InvalidCheckpointException>(() => state.GetTensor("exp_avg_sq"));

        Assert.Equal("checkpoint['optimizer']['state'][0]['exp_avg_sq'] is missing.", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_in_a_read_checkpoint_is_an_invalid_checkpoint_naming_its_path_and_both_kinds()
    {
        var read = Assert.IsType<TorchDict>(CheckpointBytes.RoundTrip(SampleCheckpoints.EveryKind()));
        var group = Assert.IsType<TorchDict>(read.GetDict("optimizer").GetList("param_groups")[0]);

        Assert.Equal(
            "checkpoint['optimizer']['param_groups'][0]['lr'] is a float (0.1); expected an int.",
            Assert.Throws<InvalidCheckpointException>(() => group.GetLong("lr")).Message);
        Assert.Equal(
            "checkpoint['optimizer']['param_groups'][0]['betas'] is a tuple of 2 items; expected a list.",
            Assert.Throws<InvalidCheckpointException>(() => group.GetList("betas")).Message);
        Assert.Equal(
            "checkpoint['optimizer']['param_groups'][0]['nesterov'] is False; expected an int.",
            Assert.Throws<InvalidCheckpointException>(() => group.GetLong("nesterov")).Message);
        Assert.Equal(
            "checkpoint['epoch'] is an int (3); expected a dict.",
            Assert.Throws<InvalidCheckpointException>(() => read.GetDict("epoch")).Message);
    }

    [Fact]
    public void A_state_dict_converts_to_an_OrderedDict_of_tensors_and_back_sharing_the_arrays()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var dict = TorchDict.FromStateTensors(tensors);
        var back = dict.ToStateTensors();

        Assert.True(dict.IsOrderedDict);
        Assert.Equal(tensors.Select(tensor => tensor.Key), dict.Keys.Select(key => key.Value));
        StateTensorAssert.Equal(tensors, back);
        Assert.Same(tensors[0].Data, back[0].Data);
    }

    [Fact]
    public void A_state_dict_with_a_repeated_key_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchDict.FromStateTensors([SampleStateDicts.Floats("w", [1]), SampleStateDicts.Floats("w", [2])]));

        Assert.Contains("Key 'w' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dict_with_an_int_key_or_a_non_tensor_value_is_not_a_state_dict()
    {
        var intKey = new TorchDict(isOrderedDict: true) { [0] = SampleCheckpoints.Scalar(1f) };
        var scalar = new TorchDict(isOrderedDict: true) { ["epoch"] = 3L };

        Assert.Contains("State dict entry 0 holds a Float32 tensor", Assert.Throws<InvalidCheckpointException>(() => intKey.ToStateTensors()).Message, StringComparison.Ordinal);
        Assert.Contains("State dict entry 'epoch' holds an int (3)", Assert.Throws<InvalidCheckpointException>(() => scalar.ToStateTensors()).Message, StringComparison.Ordinal);
    }
}
