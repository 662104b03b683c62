using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingService.Api.Identity;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Apis.Workers;

/// <summary>The <c>/api/workers</c> endpoints: the fleet as its heartbeats report it.</summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workers").WithTags("Workers");
        api.MapGet("/", ListAsync).WithName("ListWorkers")
            .WithSummary("Workers that have reported, by name: state (Lost once the heartbeat is older than the lease), current job, throughput");
        api.MapGet("/{name}", GetAsync).WithName("GetWorker").WithSummary("Get one worker").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<WorkerResource>>> ListAsync(WorkerRegistry registry, JobOwners owners, ClaimsPrincipal user,
        IOptions<RunLeaseOptions> lease, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (now, caller) = (clock.GetUtcNow(), user.GetCaller());
        var workers = await registry.ListAsync(cancellationToken);
        var shown = new List<WorkerResource>(workers.Count);
        foreach (var worker in workers)
        {
            shown.Add(await worker.ToResource(now, lease.Value.Lease).ForAsync(caller, owners, cancellationToken));
        }
        return TypedResults.Ok<IReadOnlyList<WorkerResource>>(shown);
    }

    public static async Task<Results<Ok<WorkerResource>, ProblemHttpResult>> GetAsync(string name, WorkerRegistry registry, JobOwners owners,
        ClaimsPrincipal user, IOptions<RunLeaseOptions> lease, TimeProvider clock, CancellationToken cancellationToken) =>
        await registry.FindAsync(name, cancellationToken) is { } worker
            ? TypedResults.Ok(await worker.ToResource(clock.GetUtcNow(), lease.Value.Lease).ForAsync(user.GetCaller(), owners, cancellationToken))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Worker not found",
                detail: $"No worker named '{name}' has reported; a worker that stopped cleanly leaves the list.");
}
