using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Models.Summary;

/// <summary>The reference blocks as torchvision writes them: child names, registration order and forward.</summary>
internal static class BlockAnatomy
{
    private static readonly ActivationSpec ReLU = new(ActivationKind.ReLU);

    public static ModuleStructure BasicConv2d(BasicConv2dSpec block) => Structure(
        [("conv", Conv(block)), ("bn", Bn(block))],
        new SequencePlan([Child("conv", Conv(block)), Child("bn", Bn(block)), Functional(ReLU)]));

    public static ModuleStructure InceptionA(InceptionASpec block)
    {
        var c = block.InChannels;
        (string Name, ModuleSpec Module)[] children =
        [
            ("branch1x1", new BasicConv2dSpec(c, 64, 1)),
            ("branch5x5_1", new BasicConv2dSpec(c, 48, 1)),
            ("branch5x5_2", new BasicConv2dSpec(48, 64, 5, Padding: 2)),
            ("branch3x3dbl_1", new BasicConv2dSpec(c, 64, 1)),
            ("branch3x3dbl_2", new BasicConv2dSpec(64, 96, 3, Padding: 1)),
            ("branch3x3dbl_3", new BasicConv2dSpec(96, 96, 3, Padding: 1)),
            ("branch_pool", new BasicConv2dSpec(c, block.PoolFeatures, 1)),
        ];
        var step = children.ToDictionary(child => child.Name, child => Child(child.Name, child.Module));
        return Structure(children, new ConcatPlan(
        [
            [step["branch1x1"]],
            [step["branch5x5_1"], step["branch5x5_2"]],
            [step["branch3x3dbl_1"], step["branch3x3dbl_2"], step["branch3x3dbl_3"]],
            [Functional(new AvgPool2dSpec(3, 1, 1)), step["branch_pool"]],
        ]));
    }

    public static ModuleStructure GoogLeNetInception(GoogLeNetInceptionSpec block)
    {
        var c = block.InChannels;
        (string Name, ModuleSpec Module)[] children =
        [
            ("branch1", new BasicConv2dSpec(c, block.Ch1x1, 1)),
            ("branch2", new SequentialSpec(new BasicConv2dSpec(c, block.Ch3x3Reduce, 1), new BasicConv2dSpec(block.Ch3x3Reduce, block.Ch3x3, 3, Padding: 1))),
            ("branch3", new SequentialSpec(new BasicConv2dSpec(c, block.Ch5x5Reduce, 1), new BasicConv2dSpec(block.Ch5x5Reduce, block.Ch5x5, 3, Padding: 1))),
            ("branch4", new SequentialSpec(new MaxPool2dSpec(3, 1, 1, CeilMode: true), new BasicConv2dSpec(c, block.PoolProj, 1))),
        ];
        return Structure(children, new ConcatPlan(children.Select(child => (IReadOnlyList<ChainStep>)[Child(child.Name, child.Module)]).ToList()));
    }

    public static ModuleStructure BasicBlock(BasicBlockSpec block)
    {
        List<(string Name, ModuleSpec Module)> children =
        [
            ("conv1", new Conv2dSpec(block.InChannels, block.OutChannels, 3, block.Stride, 1, Bias: false)),
            ("bn1", new BatchNorm2dSpec(block.OutChannels)),
            ("conv2", new Conv2dSpec(block.OutChannels, block.OutChannels, 3, 1, 1, Bias: false)),
            ("bn2", new BatchNorm2dSpec(block.OutChannels)),
        ];
        if (block.DownsampleKernel is { } kernel)
        {
            children.Add(("downsample", new SequentialSpec(
                new Conv2dSpec(block.InChannels, block.OutChannels, kernel, block.Stride, kernel / 2, Bias: false),
                new BatchNorm2dSpec(block.OutChannels))));
        }

        var steps = children.Select(child => Child(child.Name, child.Module)).ToList();
        return Structure(children, new ResidualPlan(
            [steps[0], steps[1], Functional(ReLU), steps[2], steps[3]], steps.Skip(4).ToList(), [Functional(ReLU)]));
    }

    private static Conv2dSpec Conv(BasicConv2dSpec block) =>
        new(block.InChannels, block.OutChannels, block.KernelSize, block.Stride, block.Padding, Bias: false);

    private static BatchNorm2dSpec Bn(BasicConv2dSpec block) => new(block.OutChannels, Eps: 0.001);

    private static ModuleStructure Structure(IEnumerable<(string Name, ModuleSpec Module)> children, ForwardPlan forward) =>
        new(children.Select(child => KeyValuePair.Create(child.Name, child.Module)).ToList(), forward);
}
