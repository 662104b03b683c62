using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;
using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training;

/// <summary>The training pipeline (with augmentation) and the evaluation pipeline of a job, sharing the same normalisation.</summary>
public sealed record TrainingPipelines(BatchTransformPipeline Train, BatchTransformPipeline Eval)
{
    public static TrainingPipelines For(NetworkPlan plan, DatasetInfo dataset, InputTransformsSpec? transforms, long seed, NormalizationStatistics? computed) => new(
        InputPipeline.For(dataset, transforms, plan.Input, training: true, seed, computed),
        InputPipeline.For(dataset, transforms, plan.Input, training: false, seed, computed));
}
