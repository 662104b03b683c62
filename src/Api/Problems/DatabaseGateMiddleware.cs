namespace TrainingService.Api.Problems;

/// <summary>Answers 503 at once, without touching PostgreSQL, for endpoints that need it while the gate is closed.</summary>
public sealed class DatabaseGateMiddleware(RequestDelegate next, DatabaseAvailability availability, DatabaseUnavailableProblem unavailable)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!availability.IsAvailable && context.GetEndpoint()?.Metadata.GetMetadata<RequiresDatabaseMetadata>() is not null)
        {
            await unavailable.WriteAsync(context);
            return;
        }
        await next(context);
    }
}
