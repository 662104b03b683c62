using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using TrainingService.Api.Health;
using TrainingService.Api.Problems;
using TrainingService.Api.Requests;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Extensions;

/// <summary>How the Api fails: request limits, the exception handlers that turn failures into problem details, the database gate and health.</summary>
public static class FailureServiceExtensions
{
    /// <summary>
    /// A request gives up on PostgreSQL within about 2 s (1 s to connect, one quick retry for a connection a
    /// restart broke), then answers 503; the Worker's defaults ride out a minute.
    /// </summary>
    private static void RequestResilience(DatabaseResilienceOptions options)
    {
        options.MaxRetryCount = 1;
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
    }

    public static void AddFailureHandling(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<DatabaseResilienceOptions>().Configure(RequestResilience).BindConfiguration(DatabaseResilienceOptions.SectionName);
        services.AddOptions<DatabaseAvailabilityOptions>().BindConfiguration(DatabaseAvailabilityOptions.SectionName)
            .Validate(o => { o.Validate(); return true; });
        services.AddOptions<RequestLimits>().BindConfiguration(RequestLimits.SectionName).Validate(o => { o.Validate(); return true; });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimits>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);

        // Binding failures throw, so the exception handlers can name the parameter; otherwise they are a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ClientAbortedExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();

        services.AddSingleton(sp => new DatabaseProbe(sp.GetRequiredService<IOptions<DatabaseResilienceOptions>>().Value.Apply(connectionString)));
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<DatabaseUnavailableProblem>();
        services.AddTrainingHealthChecks();
    }
}
