using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Jobs;

/// <summary>
/// What a job was resolved to, stored with it so that resuming, predicting and emitting its source
/// never depend on what the model registry or an upload holds later: the exact network, the dataset's
/// identity, shape and class names, and the normalisation the run actually trained with.
/// </summary>
/// <param name="Network">The network as built, from the zoo or the custom layer list.</param>
/// <param name="Dataset">The dataset as it was at submission (for uploads: the import's manifest).</param>
/// <param name="Normalization">Per-channel statistics computed from the training split when the spec asks for <c>auto</c>; set when the first run starts.</param>
public sealed record JobResolution(NetworkSpec Network, DatasetInfo Dataset, NormalizationStatistics? Normalization = null);
