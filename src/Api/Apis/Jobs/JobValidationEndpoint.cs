using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Apis.Models;
using TrainingService.Api.Identity;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>POST /api/jobs/validate</c>: the body of <c>POST /api/jobs</c> checked by the same <see cref="SubmissionCheck"/>,
/// and, instead of a stored job, what it would train: the spec with its defaults, the input the network receives,
/// its summary and its estimated training memory. Nothing is stored or queued, so the dashboard may call it on every edit.
/// </summary>
public static class JobValidationEndpoint
{
    public static async Task<Results<Ok<JobValidationResource>, ValidationProblem, ProblemHttpResult>> ValidateAsync(
        HttpRequest request, ClaimsPrincipal user, JobSpecValidator validator, DatasetOwners datasetOwners, JobSpecLimits limits,
        CancellationToken cancellationToken)
    {
        var check = await SubmissionCheck.ReadAsync(request, user.GetCaller(), validator, datasetOwners, cancellationToken);
        if (check.UnsupportedMediaType is { } unsupported) return unsupported;
        if (check.Invalid is { } invalid) return invalid;
        return TypedResults.Ok(Describe(check.Valid!, limits));
    }

    private static JobValidationResource Describe(JobSpecValidationResult validation, JobSpecLimits limits)
    {
        var spec = validation.Spec!;
        var resolution = validation.Resolution!;
        var network = resolution.Network;
        var dataset = resolution.Dataset;
        // The validator summarised this network at a batch of one already; a valid spec cannot overflow here.
        var summary = ModelSummarizer.Summarize(network, 1);
        var memory = TrainingMemoryEstimate.Of(summary, spec.Hyperparameters);
        return new JobValidationResource(
            JsonSerializer.SerializeToElement(spec, JobSpecJson.Options),
            new ResolvedInputResource(dataset.Name, new InputShape(dataset.Channels, dataset.Height, dataset.Width).ToString(),
                network.Input.ToString(), dataset.ClassCount, spec.Model.NumClasses),
            summary.ToResource(spec.Model.Name, 1, network.Input),
            new TrainingMemoryResource((long)Math.Ceiling(memory.TotalBytes), (long)Math.Ceiling(memory.ParameterStateBytes),
                (long)Math.Ceiling(memory.BatchBytes), memory.BatchSize, limits.MaxTrainingMemoryBytes));
    }
}
