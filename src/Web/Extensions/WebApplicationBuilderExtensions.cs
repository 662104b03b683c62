using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Radzen;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Security;

namespace TrainingService.Web.Extensions;

public static class WebApplicationBuilderExtensions
{
    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // ./run.sh serves from the build output in any environment; the static web assets manifest
        // is what maps Radzen's package assets there (a published app has them on disk instead).
        builder.WebHost.UseStaticWebAssets();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddWebSecurity();

        services.AddOptions<ApiOptions>()
            .BindConfiguration(nameof(ApiOptions))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiEndpoints>();
        services.TryAddSingleton(TimeProvider.System);

        // A typed client is resolved from its consumer's scope (the circuit's or the request's), so it gets that
        // scope's ApiKeyAccessor and sends that user's key.
        services.AddHttpClient<TrainingApiClient>((provider, http) =>
        {
            var endpoints = provider.GetRequiredService<ApiEndpoints>();
            var options = provider.GetRequiredService<IOptions<ApiOptions>>().Value;
            http.BaseAddress = endpoints.Server;
            http.Timeout = options.RequestTimeout;
        });

        // Scoped = one hub connection per circuit, disposed when the browser tab goes away.
        services.AddScoped<ITrainingHub, TrainingHubConnection>();
        services.AddScoped<JobListNotice>();
        services.AddSingleton<PrerenderSnapshots>();
        services.AddScoped<PrerenderHandoff>();

        return builder;
    }
}
