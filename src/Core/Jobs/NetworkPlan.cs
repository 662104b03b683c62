using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Jobs;

/// <summary>What a job trains: the network described for the images that reach it, and the transforms that bring them there.</summary>
public sealed record NetworkPlan(NetworkSpec Network, BatchTransformPipeline Pipeline, InputShape Input);
