using TorchSharp;
using TrainingService.Core.Checkpoints;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Checkpoints;

public class StateDictConversionTests
{
    [Fact]
    public void FromModule_lists_parameters_and_buffers_in_registration_order_with_their_dtypes()
    {
        using var net = SmallConvNet.Create(seed: 1);

        var tensors = StateDictConversion.FromModule(net);

        Assert.Equal(SmallConvNet.StateDictKeys, tensors.Select(tensor => tensor.Key));
        var counter = tensors.Single(tensor => tensor.Key == "bn.num_batches_tracked");
        Assert.Equal((StateTensorType.Int64, 0), (counter.Type, counter.Shape.Length));
        Assert.All(tensors.Where(tensor => tensor != counter), tensor => Assert.Equal(StateTensorType.Float32, tensor.Type));
    }

    [Fact]
    public void A_module_written_to_pth_and_loaded_into_a_differently_initialised_module_has_equal_parameters_and_buffers()
    {
        using var trained = SmallConvNet.Create(seed: 1);
        SmallConvNet.Train(trained);
        using var fresh = SmallConvNet.Create(seed: 2);
        Assert.False(SameValues(fresh.state_dict()["conv.weight"], trained.state_dict()["conv.weight"]));

        StateDictConversion.LoadInto(fresh, PthBytes.Read(PthBytes.Write(StateDictConversion.FromModule(trained))));

        var expected = trained.state_dict();
        Assert.All(fresh.state_dict(), pair => Assert.True(SameValues(pair.Value, expected[pair.Key]), $"{pair.Key} differs after loading."));
        Assert.Equal(1L, fresh.state_dict()["bn.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void LoadInto_with_a_missing_key_names_it_and_changes_nothing()
    {
        using var net = SmallConvNet.Create(seed: 1);
        using var before = net.state_dict()["conv.weight"].clone();
        var tensors = StateDictConversion.FromModule(SmallConvNet.Create(seed: 2)).Where(tensor => tensor.Key != "bn.running_var").ToList();

        var error = Assert.Throws<ArgumentException>(() => StateDictConversion.LoadInto(net, tensors));

        Assert.Contains("missing keys: bn.running_var", error.Message, StringComparison.Ordinal);
        Assert.True(SameValues(net.state_dict()["conv.weight"], before));
    }

    [Fact]
    public void LoadInto_with_an_unexpected_key_names_it()
    {
        using var net = SmallConvNet.Create(seed: 1);
        var tensors = StateDictConversion.FromModule(net).Append(SampleStateDicts.Floats("head.weight", [2])).ToList();

        var error = Assert.Throws<ArgumentException>(() => StateDictConversion.LoadInto(net, tensors));

        Assert.Contains("unexpected keys: head.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadInto_with_a_wrong_shape_names_the_key_and_both_shapes()
    {
        using var net = SmallConvNet.Create(seed: 1);
        var tensors = StateDictConversion.FromModule(SmallConvNet.Create(seed: 1, outputs: 5));

        var error = Assert.Throws<ArgumentException>(() => StateDictConversion.LoadInto(net, tensors));

        Assert.Contains("size mismatch for fc.weight: checkpoint has [5, 144], module has [3, 144]", error.Message, StringComparison.Ordinal);
    }

    private static bool SameValues(Tensor actual, Tensor expected)
    {
        using var scope = NewDisposeScope();
        return actual.dtype == expected.dtype && actual.shape.SequenceEqual(expected.shape) && actual.eq(expected).all().item<bool>();
    }
}
