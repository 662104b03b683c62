using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using TrainingService.Core.Library;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary><c>DELETE /api/jobs/{id}</c>: a finished job with its rows and files; an unfinished one must be cancelled first.</summary>
public static class JobDeletionEndpoint
{
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, JobQueries queries, JobDeletion deletion, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is null) return JobsApi.JobNotFound(id);
        var result = await deletion.DeleteAsync(id, cancellationToken);
        return result.Outcome switch
        {
            JobDeletionOutcome.Deleted => TypedResults.NoContent(),
            JobDeletionOutcome.NotFinished => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job has not finished",
                detail: $"Job {id} is {result.Status}; cancel it first (POST /api/jobs/{id}/cancel), then delete it once it is Cancelled."),
            _ => JobsApi.JobNotFound(id),
        };
    }
}
