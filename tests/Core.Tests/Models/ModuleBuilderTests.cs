using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Building;
using static TorchSharp.torch;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.Models;

public sealed class ModuleBuilderTests
{
    [Fact]
    public void A_chain_keys_named_steps_only_and_saves_own_parameters_then_buffers_then_children()
    {
        var spec = new ChainSpec("Net",
        [
            Child("norm", new BatchNorm2dSpec(2)),
            Functional(new ActivationSpec(ActivationKind.ReLU)),
            Child("block", new NamedSequentialSpec(("conv", new Conv2dSpec(2, 3, 1, Bias: false)), ("act", new ActivationSpec(ActivationKind.GELU)))),
            Child("head", new SequentialSpec(new FlattenSpec(), new LinearSpec(12, 4))),
        ]);
        using var module = ModuleBuilder.Build(spec);

        var keys = StateDictConversion.FromModule(module).Select(tensor => tensor.Key);

        Assert.Equal(
            ["norm.weight", "norm.bias", "norm.running_mean", "norm.running_var", "norm.num_batches_tracked", "block.conv.weight", "head.1.weight", "head.1.bias"],
            keys);
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 5, 4 }, module.call(randn(5, 2, 2, 2)).shape);
    }

    [Fact]
    public void An_unnamed_step_with_parameters_is_refused_because_its_weights_would_never_be_saved()
    {
        var spec = new ChainSpec("Net", [Functional(new LinearSpec(4, 2))]);

        var error = Assert.Throws<ArgumentException>(() => ModuleBuilder.Build(spec));

        Assert.Contains("give it a name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_mode_reaches_a_dropout_applied_as_an_unnamed_step()
    {
        using var module = ModuleBuilder.Build(new ChainSpec("Net", [Functional(new DropoutSpec(0.5))]));
        using var scope = NewDisposeScope();
        var input = ones(1000);

        module.eval();
        var evaluated = module.call(input);
        module.train();
        var trained = module.call(input);

        Assert.True(evaluated.eq(input).all().item<bool>());
        Assert.True(trained.eq(0).any().item<bool>());
    }

    [Fact]
    public void Convolution_and_pooling_options_reach_the_TorchSharp_layers()
    {
        using var module = ModuleBuilder.Build(new SequentialSpec(
            new Conv2dSpec(4, 8, 3, Stride: 2, Padding: 2, Dilation: 2, Groups: 2, Bias: false),
            new MaxPool2dSpec(3, 2, CeilMode: true),
            new AvgPool2dSpec(3, 1, Padding: 1, CountIncludePad: false)));
        using var scope = NewDisposeScope();

        var output = module.call(ones(1, 4, 16, 16));

        Assert.Equal(["0.weight"], module.state_dict().Keys);
        Assert.Equal(new long[] { 8, 2, 3, 3 }, module.state_dict()["0.weight"].shape);

        // Conv: (16 + 4 - 4 - 1) / 2 + 1 = 8; ceil-mode pool: ceil((8 - 3) / 2) + 1 = 4, where floor would give 3.
        Assert.Equal(new long[] { 1, 8, 4, 4 }, output.shape);
    }

    [Fact]
    public void A_spec_without_a_TorchSharp_layer_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ModuleBuilder.Build(new UnknownSpec()));

        Assert.Contains("PixelShuffle", error.Message, StringComparison.Ordinal);
    }

    private sealed record UnknownSpec : ModuleSpec
    {
        public override string TypeName => "PixelShuffle";
    }
}
