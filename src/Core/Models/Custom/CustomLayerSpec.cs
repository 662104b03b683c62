namespace TrainingService.Core.Models.Custom;

/// <summary>
/// One layer of a custom network as a job writes it, e.g. <c>{"type": "Conv2d", "out": 6, "kernel": 5}</c>.
/// Input channels and features are inferred from the previous layer; members a type does not use
/// must be left out.
/// </summary>
public sealed record CustomLayerSpec(
    string? Type,
    int? Out = null,
    int? Kernel = null,
    int? Stride = null,
    int? Padding = null,
    int? Dilation = null,
    int? Groups = null,
    bool? Bias = null,
    double? P = null,
    double? NegativeSlope = null,
    IReadOnlyList<int>? Size = null);
