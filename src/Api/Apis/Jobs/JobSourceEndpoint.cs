using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.PyTorch;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>GET /api/jobs/{id}/pytorch</c>: the PyTorch class of exactly the network the job trains (zoo or
/// custom, with its channels and classes), so its checkpoints load with <c>load_state_dict(strict=True)</c>.
/// </summary>
public static class JobSourceEndpoint
{
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, DatasetRegistry datasets, NetworkPlanner planner, CancellationToken cancellationToken)
    {
        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        if (job.Resolution is { Network: var resolved })
        {
            return TypedResults.Content(PyTorchSourceEmitter.Emit(resolved, PyTorchSourceEmitter.DefaultClassName(resolved)), "text/x-python", Encoding.UTF8);
        }
        // Jobs stored before resolutions were kept are described from the registry as it is now.
        var errors = new ValidationErrors();
        var dataset = datasets.TryGet(job.Spec.Dataset.Name, out _) ? datasets.Resolve(job.Spec.Dataset).Info : null;
        var plan = dataset is null ? null : planner.Plan(job.Spec.Model, dataset, job.Spec.Dataset.Transforms, errors);
        if (plan is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job's network cannot be described",
                detail: string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        var network = plan.Network;
        return TypedResults.Content(PyTorchSourceEmitter.Emit(network, PyTorchSourceEmitter.DefaultClassName(network)), "text/x-python", Encoding.UTF8);
    }
}
