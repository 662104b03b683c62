using TrainingService.Core.Models;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models;

public sealed class LeNet5Tests
{
    private static readonly (string Key, long[] Shape)[] ReferenceStateDict =
    [
        ("conv1.weight", [6, 1, 5, 5]), ("conv1.bias", [6]),
        ("conv2.weight", [16, 6, 5, 5]), ("conv2.bias", [16]),
        ("fc1.weight", [120, 400]), ("fc1.bias", [120]),
        ("fc2.weight", [84, 120]), ("fc2.bias", [84]),
        ("fc3.weight", [10, 84]), ("fc3.bias", [10]),
    ];

    private static nn.Module<Tensor, Tensor> Build(int channels = 1, int classes = 10) =>
        ModelRegistry.CreateDefault().Get("lenet5").Build(new ModelBuildOptions(channels, classes));

    [Fact]
    public void LeNet5_has_the_61706_trainable_parameters_of_the_spec()
    {
        using var model = Build();

        Assert.Equal(61_706, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void LeNet5_state_dict_has_the_reference_keys_shapes_and_order()
    {
        using var model = Build();

        var stateDict = model.state_dict();

        Assert.Equal(ReferenceStateDict.Select(r => r.Key), stateDict.Keys);
        foreach (var (key, shape) in ReferenceStateDict)
        {
            Assert.Equal(shape, stateDict[key].shape);
        }
    }

    [Fact]
    public void LeNet5_maps_a_batch_of_32x32_images_to_one_logit_per_class()
    {
        using var scope = NewDisposeScope();
        using var model = Build(channels: 3, classes: 7);

        var logits = model.call(randn(5, 3, 32, 32));

        Assert.Equal(new long[] { 5, 7 }, logits.shape);
    }

    [Fact]
    public void The_model_registry_refuses_a_second_model_of_the_same_name()
    {
        var registry = ModelRegistry.CreateDefault();
        var duplicate = registry.Get("lenet5") with { Description = "again" };

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register(duplicate with { Name = "LeNet5" }));

        Assert.Contains("lenet5", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
