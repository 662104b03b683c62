using Microsoft.Extensions.DependencyInjection;

namespace TrainingService.Core.Retention;

/// <summary>
/// Registers the retention sweep and the hosted service that runs it on a schedule, with its policy checked at start;
/// the process binds <see cref="RetentionOptions"/> to the section <see cref="RetentionOptions.SectionName"/>.
/// </summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().Validate(options => { options.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
