using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.PyTorch;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>How a description is written as PyTorch source, and what cannot be.</summary>
public sealed class PyTorchSourceEmitterTests
{
    [Fact]
    public void A_chain_becomes_a_module_with_its_layers_as_attributes_and_its_functional_steps_in_forward()
    {
        var source = PyTorchSourceEmitter.Emit(SampleNetworks.LeNet5(), "LeNet5");

        Assert.EndsWith("""
            import torch
            import torch.nn as nn
            import torch.nn.functional as F


            class LeNet5(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.conv1 = nn.Conv2d(1, 6, kernel_size=5)
                    self.pool1 = nn.AvgPool2d(kernel_size=2, stride=2)
                    self.conv2 = nn.Conv2d(6, 16, kernel_size=5)
                    self.pool2 = nn.AvgPool2d(kernel_size=2, stride=2)
                    self.fc1 = nn.Linear(400, 120)
                    self.fc2 = nn.Linear(120, 84)
                    self.fc3 = nn.Linear(84, 10)

                def forward(self, x):
                    x = self.conv1(x)
                    x = torch.tanh(x)
                    x = self.pool1(x)
                    x = self.conv2(x)
                    x = torch.tanh(x)
                    x = self.pool2(x)
                    x = torch.flatten(x, 1)
                    x = self.fc1(x)
                    x = torch.tanh(x)
                    x = self.fc2(x)
                    x = torch.tanh(x)
                    x = self.fc3(x)
                    return x

            """, source);
    }

    [Fact]
    public void Identical_nested_chains_share_a_class_and_a_different_chain_of_the_same_name_gets_a_numbered_one()
    {
        var source = PyTorchSourceEmitter.Emit(LayerZoo.FunctionalOps());

        Assert.Equal(["class Stage(nn.Module):", "class Stage_2(nn.Module):", "class Stage_3(nn.Module):", "class FunctionalOps(nn.Module):"],
            source.Split('\n').Where(line => line.StartsWith("class ", StringComparison.Ordinal)));
        Assert.Contains("        self.more = Stage_2()\n        self.again = Stage_2()\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_with_weights_cannot_be_a_functional_step()
    {
        var network = new NetworkSpec("bad", new ChainSpec("Bad", [Functional(new LinearSpec(4, 2))]), new InputShape(4, 1, 1));

        var error = Assert.Throws<ArgumentException>(() => PyTorchSourceEmitter.Emit(network));

        Assert.Contains("Linear", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_type_the_emitter_does_not_know_is_named_in_a_not_supported_exception()
    {
        var network = new NetworkSpec("unknown", new SequentialSpec(new UnknownSpec()), new InputShape(1, 4, 4));

        var error = Assert.Throws<NotSupportedException>(() => PyTorchSourceEmitter.Emit(network));

        Assert.Contains("UnknownSpec", error.Message, StringComparison.Ordinal);
    }
}
