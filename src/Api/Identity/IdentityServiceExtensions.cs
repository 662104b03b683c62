using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Identity;

/// <summary>Secure by default: every endpoint needs a key unless it says <c>AllowAnonymous</c>.</summary>
public static class IdentityServiceExtensions
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthentication.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiKeyAuthentication.AdminPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
                .RequireAuthenticatedUser().RequireRole(CallerClaims.RoleName(UserRole.Admin)));
        return services;
    }
}
