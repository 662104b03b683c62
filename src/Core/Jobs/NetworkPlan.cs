using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Jobs;

/// <summary>What a job trains: the network described for the images that reach it, the transforms that bring them there, and how many logits it outputs.</summary>
public sealed record NetworkPlan(NetworkSpec Network, BatchTransformPipeline Pipeline, InputShape Input, int OutputClasses);
