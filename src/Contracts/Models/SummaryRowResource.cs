namespace TrainingService.Contracts.Models;

/// <summary>One row of a summary: the module's key path, its type, depth and "depth-index", output shape, parameters and mult-adds.</summary>
public sealed record SummaryRowResource(
    string Name, string Type, int Depth, string DepthIndex, IReadOnlyList<int> OutputShape, long Parameters, long MultAdds);
