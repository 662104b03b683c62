using TrainingService.Core.Sweeps;

namespace TrainingService.Api.Apis.Sweeps;

/// <summary>What the sweeps feature registers in the Api process.</summary>
public static class SweepServiceExtensions
{
    public static IServiceCollection AddSweeps(this IServiceCollection services)
    {
        services.AddSingleton<TrialSpecs>();
        services.AddSingleton<SweepSubmissionValidator>();
        services.AddSingleton<SweepLifecycle>();
        services.AddSingleton<SweepQueries>();
        services.AddHostedService<SweepSupervisor>();
        return services;
    }
}
