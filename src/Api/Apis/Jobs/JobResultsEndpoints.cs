using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using Microsoft.AspNetCore.Mvc;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Evaluation;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>A job's per-step losses and its test evaluation.</summary>
public static class JobResultsEndpoints
{
    public const int MaxPoints = 10_000;

    public static async Task<Results<Ok<StepSeriesResource>, ValidationProblem, ProblemHttpResult>> StepsAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken,
        [FromQuery] long from = 0, [FromQuery] long? to = null, [FromQuery] int maxPoints = 1000)
    {
        var errors = new Dictionary<string, string[]>();
        if (from < 0) errors["from"] = ["must not be negative."];
        if (to < from) errors["to"] = ["must not be less than from."];
        if (maxPoints is < 1 or > MaxPoints) errors["maxPoints"] = [$"must be between 1 and {MaxPoints}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is null) return JobsApi.JobNotFound(id);
        var window = await queries.StepLossesFromAsync(id, from, cancellationToken);
        // Only the rows from the epoch holding step `from` are read, so the recorder's first loss is that row's first step.
        var offset = window.Rows.Count > 0 ? window.Rows[0].FirstStep : window.TotalSteps;
        var recorder = new StepLossRecorder();
        foreach (var epoch in window.Rows)
        {
            recorder.Append(epoch.Unpack());
        }
        var end = Math.Min(to ?? window.TotalSteps, window.TotalSteps);
        var start = Math.Min(from, end);
        var last = Math.Min(end, window.TotalSteps - 1);
        var buckets = StepSeries.Downsample(recorder, start - offset, end - offset, maxPoints);
        var points = buckets.Select((b, i) => new StepPointResource(
            b.Step + offset, b.Mean, b.Min, b.Max, (i + 1 < buckets.Count ? buckets[i + 1].Step : last - offset + 1) - b.Step)).ToList();
        return TypedResults.Ok(new StepSeriesResource(window.TotalSteps, start, end, points));
    }

    public static async Task<Results<Ok<TestEvaluation>, ProblemHttpResult>> EvaluationAsync(Guid id, JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        return job.Evaluation is { } evaluation
            ? TypedResults.Ok(evaluation)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No evaluation yet",
                detail: $"Job {id} is {job.Status}; the test evaluation is stored when it succeeds.");
    }
}
