using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Identity;

/// <summary>Secure by default: every endpoint needs a key unless it says <c>AllowAnonymous</c>; no other origin is trusted.</summary>
public static class IdentityServiceExtensions
{
    private static readonly string[] ExposedHeaders =
        ["Location", "Retry-After", "WWW-Authenticate", "ETag", "X-Checksum-Sha256", "Repr-Digest", "Content-Disposition"];

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, configureOptions: null)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.DashboardScheme,
                options => options.BasicRealm = ApiKeyAuthentication.DashboardRealm);
        services.AddOptions<ApiKeyAuthenticationOptions>(ApiKeyAuthentication.Scheme).BindConfiguration(ApiKeyAuthenticationOptions.SectionName)
            .Validate(o => o.ConnectionLifetime > TimeSpan.Zero, $"{ApiKeyAuthenticationOptions.SectionName}:ConnectionLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<AuthenticatedKeyCache>();
        services.AddHostedService<KeyRevocationListener>();
        var admin = CallerClaims.RoleName(UserRole.Admin);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthentication.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiKeyAuthentication.AdminPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
                .RequireAuthenticatedUser().RequireRole(admin))
            // The dashboard's own scheme, so that its challenge is Basic (a browser prompts) rather than the fallback's Bearer.
            .AddPolicy(ApiKeyAuthentication.DashboardPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.DashboardScheme)
                .RequireAuthenticatedUser().RequireRole(admin));
        return services;
    }

    /// <summary>CORS for <see cref="CrossOriginOptions.AllowedOrigins"/> only; the origin check refuses the rest.</summary>
    public static IServiceCollection AddCrossOriginRules(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.SectionName)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddCors();
        // Keys travel in the Authorization header, never in cookies, so a cross-origin caller needs no credentials mode.
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, origins) =>
            cors.AddDefaultPolicy(policy => policy.WithOrigins([.. origins.Value.Origins()]).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders(ExposedHeaders)));
        return services;
    }
}
