using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrainingService.Api.Apis.Jobs;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Api.Requests;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Persistence;
using TrainingService.Core.Sweeps;

namespace TrainingService.Api.Apis.Sweeps;

/// <summary>The <c>/api/sweeps</c> endpoints: submit, list, read, follow the trials and ASHA's decisions, cancel.</summary>
public static class SweepsApi
{
    public static RouteGroupBuilder MapSweepsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<RequestLimits>>().Value;
        var api = app.MapGroup("/api/sweeps").WithTags("Sweeps");
        api.MapPost("/", SweepSubmissionEndpoint.SubmitAsync).WithName("SubmitSweep")
            .WithSummary("Submit a sweep: a base job, a search space over its fields, and optional ASHA early stopping")
            .Accepts<SweepSubmission>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxJsonBodyBytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable).RequireRateLimiting(KeyLimitServiceExtensions.SubmissionsPolicy);
        api.MapGet("/", ListAsync).WithName("ListSweeps").WithSummary("List sweeps, newest first");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetSweep").WithSummary("Get one sweep").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/trials", TrialsAsync).WithName("ListSweepTrials")
            .WithSummary("The trials of a sweep by trial number, with their values and best and last metric").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/rungs", RungsAsync).WithName("ListSweepRungs")
            .WithSummary("ASHA's decisions: each trial's value at each rung, the cutoff, and whether it was stopped").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelSweep")
            .WithSummary("Cancel a sweep: queued trials at once, running ones at their next batch boundary; no new trials")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Ok<SweepPage>, ValidationProblem>> ListAsync(
        SweepQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken, [FromQuery] int page = 1, [FromQuery] int pageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSizeIsValid = pageSize is >= 1 and <= JobsApi.MaxPageSize;
        if (!pageSizeIsValid) errors["pageSize"] = [$"must be between 1 and {JobsApi.MaxPageSize}."];
        if (pageSizeIsValid && (page < 1 || page > JobsApi.MaxPage(pageSize))) errors["page"] = [$"must be between 1 and {JobsApi.MaxPage(pageSize)} for a pageSize of {pageSize}."];
        else if (page < 1) errors["page"] = ["must be at least 1."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (items, total) = await queries.ListAsync(user.GetCaller(), page, pageSize, cancellationToken);
        return TypedResults.Ok(new SweepPage(items.Select(s => s.ToResource()).ToList(), page, pageSize, total));
    }

    public static async Task<Results<Ok<SweepResource>, ProblemHttpResult>> GetAsync(
        Guid id, SweepQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, user.GetCaller(), cancellationToken) is { } sweep ? TypedResults.Ok(sweep.ToResource()) : SweepNotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<SweepTrialResource>>, ProblemHttpResult>> TrialsAsync(
        Guid id, SweepQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is not { } sweep) return SweepNotFound(id);
        var trials = await queries.TrialsAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SweepTrialResource>>(trials.Select(t => t.ToResource(sweep.Sweep.Spec)).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<SweepRungResource>>, ProblemHttpResult>> RungsAsync(
        Guid id, SweepQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is null) return SweepNotFound(id);
        var rungs = await queries.RungsAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SweepRungResource>>(rungs.Select(r => r.ToResource()).ToList());
    }

    /// <summary>Cancels at once (<c>200</c>, the sweep cancelled); a sweep that has finished answers <c>409</c>.</summary>
    public static async Task<Results<Ok<SweepResource>, ProblemHttpResult>> CancelAsync(
        Guid id, SweepQueries queries, SweepLifecycle sweeps, ClaimsPrincipal user, IBackgroundJobClient hangfire, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        // Owners never change, so checking first and acting after cannot let a sweep change hands in between.
        if (await queries.FindAsync(id, caller, cancellationToken) is null) return SweepNotFound(id);
        var (result, sweep, deliveries) = await sweeps.CancelAsync(id, cancellationToken);
        if (result == ControlRequestResult.NotFound) return SweepNotFound(id);
        if (result == ControlRequestResult.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Sweep already finished",
                detail: $"Sweep {id} is {sweep!.Status.ToString().ToLowerInvariant()}; only a running sweep can be cancelled.");
        }
        foreach (var delivery in deliveries)
        {
            // The job rows already refuse the runs; deleting the waiting deliveries makes Hangfire show it too.
            hangfire.Delete(delivery);
        }
        return TypedResults.Ok((await queries.FindAsync(id, caller, cancellationToken))!.ToResource());
    }

    /// <summary>Also the answer for another user's sweep: a 403 would confirm that the id exists.</summary>
    internal static ProblemHttpResult SweepNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Sweep not found", detail: $"No sweep has the id {id}.");
}
