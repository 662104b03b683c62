using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.PyTorch;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>The Python names of the emitted classes and attributes.</summary>
public sealed class PythonNamingTests
{
    [Fact]
    public void The_default_class_name_is_the_root_chains_or_one_made_from_the_network_name()
    {
        Assert.Equal("MnistCnn", PyTorchSourceEmitter.DefaultClassName(SampleNetworks.MnistCnn()));
        Assert.Equal("CustomLenet", PyTorchSourceEmitter.DefaultClassName(SampleNetworks.CustomLeNet()));
        Assert.Equal("AlexnetCifar10", PythonNames.ToClassName("alexnet-cifar10"));
        Assert.Equal("Net11Layers", PythonNames.ToClassName("11 layers!"));
    }

    [Theory]
    [InlineData("lenet-5")]
    [InlineData("class")]
    [InlineData("BasicBlock")]
    public void A_class_name_python_cannot_use_is_rejected(string className)
    {
        Assert.Throws<ArgumentException>(() => PyTorchSourceEmitter.Emit(SampleNetworks.LeNet5(), className));
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("lambda")]
    [InlineData("forward")]
    public void A_child_name_that_cannot_be_a_module_attribute_is_rejected(string name)
    {
        var network = new NetworkSpec("bad", new ChainSpec("Bad", [Child(name, new LinearSpec(4, 2))]), new InputShape(4, 1, 1));

        Assert.Throws<ArgumentException>(() => PyTorchSourceEmitter.Emit(network));
    }
}
