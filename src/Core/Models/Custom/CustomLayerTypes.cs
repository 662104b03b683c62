namespace TrainingService.Core.Models.Custom;

/// <summary>The layer types a custom network may use, and which optional members each takes.</summary>
internal static class CustomLayerTypes
{
    private static readonly Dictionary<string, string[]> Members = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Conv2d"] = ["out", "kernel", "stride", "padding", "dilation", "groups", "bias"],
        ["MaxPool2d"] = ["kernel", "stride", "padding"],
        ["AvgPool2d"] = ["kernel", "stride", "padding"],
        ["AdaptiveAvgPool2d"] = ["out", "size"],
        ["BatchNorm2d"] = [],
        ["Dropout"] = ["p"],
        ["ReLU"] = [],
        ["LeakyReLU"] = ["negativeSlope"],
        ["Sigmoid"] = [],
        ["Tanh"] = [],
        ["GELU"] = [],
        ["Flatten"] = [],
        ["Linear"] = ["out", "bias"],
    };

    public static IEnumerable<string> Names => Members.Keys;

    public static bool TryCanonical(string type, out string canonical)
    {
        canonical = Members.Keys.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase)) ?? "";
        return canonical.Length > 0;
    }

    /// <summary>Members given that the type does not take.</summary>
    public static IEnumerable<string> Unused(string type, CustomLayerSpec layer)
    {
        var given = new (string Name, bool Present)[]
        {
            ("out", layer.Out is not null), ("kernel", layer.Kernel is not null), ("stride", layer.Stride is not null),
            ("padding", layer.Padding is not null), ("dilation", layer.Dilation is not null), ("groups", layer.Groups is not null),
            ("bias", layer.Bias is not null), ("p", layer.P is not null), ("negativeSlope", layer.NegativeSlope is not null),
            ("size", layer.Size is not null),
        };
        return given.Where(g => g.Present && !Members[type].Contains(g.Name)).Select(g => g.Name);
    }
}
