using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Bundles;

/// <summary>Everything a job's bundle is made of, as read from its row, its metrics and its best checkpoint.</summary>
/// <param name="Network">The network as the job trained it (its resolution, or the registry's description for older jobs).</param>
/// <param name="Dataset">The dataset as it was at submission.</param>
/// <param name="EvalPipeline">The evaluation pipeline, with the run's normalisation statistics.</param>
/// <param name="BestPth">The best checkpoint's file, as stored.</param>
public sealed record JobBundleSource(
    TrainingJob Job,
    NetworkSpec Network,
    DatasetInfo Dataset,
    BatchTransformPipeline EvalPipeline,
    ModelSummary Summary,
    CheckpointRecord Best,
    byte[] BestPth,
    IReadOnlyList<StateTensor> BestTensors,
    IReadOnlyList<EpochMetricsRecord> Metrics);
