using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrainingService.Api.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary><c>GET /api/jobs</c>: the caller's jobs (an admin's: everyone's), filtered, sorted and paged in SQL.</summary>
public static class JobListEndpoint
{
    public static async Task<Results<Ok<JobPage>, ValidationProblem>> ListAsync(
        JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken,
        [FromQuery] int page = 1, [FromQuery] int pageSize = 20, [FromQuery] string? status = null, [FromQuery] string? model = null,
        [FromQuery] string? dataset = null, [FromQuery] string? tag = null, [FromQuery] string? sweep = null, [FromQuery] string? q = null,
        [FromQuery] string? sort = null, [FromQuery] string? order = null)
    {
        var errors = new ValidationErrors();
        if (JobListParameters.Check(page, pageSize, status, model, dataset, tag, sweep, q, sort, order, errors) is not { } criteria)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var (items, total) = await queries.ListAsync(user.GetCaller(), criteria, cancellationToken);
        return TypedResults.Ok(new JobPage(items.Select(j => j.ToResource()).ToList(), page, pageSize, total));
    }
}
