using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;

namespace TrainingService.Api.Apis.Models;

/// <summary>A custom network to summarise: its layers, the input image shape ("1x32x32" or [1, 32, 32]) and the batch size.</summary>
public sealed record CustomSummaryRequest(IReadOnlyList<CustomLayerSpec>? Layers, InputShape? InputShape, int? Batch);
