using Microsoft.AspNetCore.Authorization;

namespace TrainingService.Api.Problems;

/// <summary>
/// Answers 503 at once, without touching PostgreSQL, for endpoints that need it while the gate is closed: those
/// marked <see cref="RequiresDatabaseMetadata"/>, and every endpoint that takes a key, since the key is looked up there.
/// </summary>
public sealed class DatabaseGateMiddleware(RequestDelegate next, DatabaseAvailability availability, DatabaseUnavailableProblem unavailable)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!availability.IsAvailable && NeedsDatabase(context.GetEndpoint()))
        {
            await unavailable.WriteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsDatabase(Endpoint? endpoint) =>
        endpoint is not null
        && (endpoint.Metadata.GetMetadata<RequiresDatabaseMetadata>() is not null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null);
}
