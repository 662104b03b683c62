using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Custom;

/// <summary>Turns one custom layer into its module description, given the shape that reaches it (batch first).</summary>
internal static class CustomLayerConverter
{
    public static ModuleSpec? Convert(string type, CustomLayerSpec layer, IReadOnlyList<int> input, string field, ValidationErrors errors)
    {
        var before = errors.Count;
        var check = new MemberCheck(field, errors);
        ModuleSpec? spec = type switch
        {
            "Conv2d" => new Conv2dSpec(Channels(input, type, field, errors), check.Positive("out", layer.Out), Window(check, "kernel", layer.Kernel),
                Window(check, "stride", layer.Stride, 1), Padding(check, layer), Window(check, "dilation", layer.Dilation, 1),
                check.Positive("groups", layer.Groups, 1), layer.Bias ?? true),
            "MaxPool2d" => new MaxPool2dSpec(Window(check, "kernel", layer.Kernel), Window(check, "stride", layer.Stride, layer.Kernel ?? 1),
                Padding(check, layer)),
            "AvgPool2d" => new AvgPool2dSpec(Window(check, "kernel", layer.Kernel), Window(check, "stride", layer.Stride, layer.Kernel ?? 1),
                Padding(check, layer)),
            "AdaptiveAvgPool2d" => Adaptive(layer, check),
            "BatchNorm2d" => new BatchNorm2dSpec(Channels(input, type, field, errors)),
            "Dropout" => new DropoutSpec(check.Probability("p", layer.P, 0.5)),
            "LeakyReLU" => new ActivationSpec(ActivationKind.LeakyReLU, check.Number("negativeSlope", layer.NegativeSlope, 0.01, MemberCheck.NegativeSlope)),
            "ReLU" or "Sigmoid" or "Tanh" or "GELU" => new ActivationSpec(Enum.Parse<ActivationKind>(type)),
            "Flatten" => new FlattenSpec(),
            "Linear" => new LinearSpec(Features(input, field, errors), check.Positive("out", layer.Out), layer.Bias ?? true),
            _ => null,
        };
        return errors.Count > before ? null : spec;
    }

    private static AdaptiveAvgPool2dSpec Adaptive(CustomLayerSpec layer, MemberCheck check)
    {
        if (layer.Size is { } size)
        {
            return size.Count == 2 ? new AdaptiveAvgPool2dSpec(Window(check, "size", size[0]), Window(check, "size", size[1]))
                : new AdaptiveAvgPool2dSpec(check.Fail("size", "must be [height, width]."), 1);
        }
        var side = Window(check, "out", layer.Out);
        return new AdaptiveAvgPool2dSpec(side, side);
    }

    private static int Window(MemberCheck check, string member, int? value, int? fallback = null) =>
        check.Positive(member, value, fallback, MemberCheck.MaxWindow);

    private static int Padding(MemberCheck check, CustomLayerSpec layer) => check.NonNegative("padding", layer.Padding, 0, MemberCheck.MaxWindow);

    private static int Channels(IReadOnlyList<int> input, string type, string field, ValidationErrors errors)
    {
        if (input.Count == 4) return input[1];
        errors.Add(field, $"{type} needs images (N x C x H x W) but receives a tensor of shape [{string.Join(", ", input)}].");
        return 1;
    }

    private static int Features(IReadOnlyList<int> input, string field, ValidationErrors errors)
    {
        if (input.Count == 2) return input[1];
        errors.Add(field, $"Linear needs flat features but receives shape [{string.Join(", ", input)}]; add a Flatten layer first.");
        return 1;
    }
}
