namespace TrainingService.Contracts.Models;

/// <summary>A torchinfo-style summary: one row per module call, and the totals torchinfo prints.</summary>
public sealed record ModelSummaryResource(
    string Model,
    int Batch,
    string InputShape,
    IReadOnlyList<SummaryRowResource> Layers,
    long TotalParams,
    long TrainableParams,
    long TotalMultAdds,
    double InputSizeMb,
    double ForwardBackwardPassSizeMb,
    double ParamsSizeMb,
    double EstimatedTotalSizeMb,
    string Text);
