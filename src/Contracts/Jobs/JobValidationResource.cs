using System.Text.Json;
using TrainingService.Contracts.Models;

namespace TrainingService.Contracts.Jobs;

/// <summary>
/// The answer of <c>POST /api/jobs/validate</c> for a submission <c>POST /api/jobs</c> would accept: what would be
/// stored and trained, without storing or queueing anything.
/// </summary>
/// <param name="Spec">The job specification with every default filled in, as the job resource's <c>spec</c> would hold it.</param>
/// <param name="Input">What reaches the network: the dataset's images after the transforms, and its classes.</param>
/// <param name="Summary">The network's torchinfo summary for that input at a batch of one, as <c>GET /api/models/{name}/summary</c> gives it.</param>
/// <param name="TrainingMemory">The memory one training step is estimated to hold, checked against <c>JobSpecLimits:MaxTrainingMemoryBytes</c>.</param>
public sealed record JobValidationResource(
    JsonElement Spec,
    ResolvedInputResource Input,
    ModelSummaryResource Summary,
    TrainingMemoryResource TrainingMemory);

/// <param name="Dataset">The dataset's name (<c>imagefolder</c> for an upload).</param>
/// <param name="ImageShape">The dataset's own images, <c>CxHxW</c>.</param>
/// <param name="InputShape">The images as the network receives them after resizing, channels and cropping, <c>CxHxW</c>.</param>
/// <param name="ClassCount">The dataset's classes.</param>
/// <param name="OutputClasses">The logits the network outputs (<c>model.numClasses</c> as resolved).</param>
public sealed record ResolvedInputResource(string Dataset, string ImageShape, string InputShape, int ClassCount, int OutputClasses);

/// <param name="TotalBytes">Weights, gradients, optimizer state, activations and the input batch.</param>
/// <param name="ParameterStateBytes">Weights, gradients and optimizer state: what the parameters cost whatever the batch size.</param>
/// <param name="BatchBytes">Activations kept for the backward pass and the input, at <paramref name="BatchSize"/>.</param>
/// <param name="BatchSize">The batch size the estimate is for (<c>hyperparameters.batchSize</c>).</param>
/// <param name="LimitBytes">The largest estimate a job may have.</param>
public sealed record TrainingMemoryResource(long TotalBytes, long ParameterStateBytes, long BatchBytes, int BatchSize, long LimitBytes);
