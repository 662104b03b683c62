using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace TrainingService.Web.Security;

public static class WebSecurityServiceExtensions
{
    public const string SessionCookieName = "TrainingService.Session";

    /// <summary>Cookie sessions that hold the user's key, a key ring that survives restarts, and sign-in for every page.</summary>
    public static IServiceCollection AddWebSecurity(this IServiceCollection services)
    {
        services.AddOptions<WebSecurityOptions>()
            .BindConfiguration(WebSecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDataProtection().SetApplicationName("TrainingService.Web");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<WebSecurityOptions>, IHostEnvironment, ILoggerFactory>((keys, security, environment, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(KeyRingFolder(security.Value, environment), loggers));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebSecurityOptions>>((cookie, security) =>
            {
                cookie.Cookie.Name = SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = security.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/signin";
                cookie.LogoutPath = "/signout";
                cookie.AccessDeniedPath = "/forbidden";
                cookie.ReturnUrlParameter = "returnUrl";
                // Every route here is visited by a browser, downloads included; .NET 10 answers endpoints it takes for
                // APIs with a bare 401 instead, which would leave a download link on a blank page.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ApiKeyAccessor>();
        services.AddScoped<CircuitHandler, ApiKeyCircuitHandler>();
        return services;
    }

    /// <summary>Headers and the Origin check first, so that every answer (redirects, 403s, errors) carries the headers.</summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>().UseMiddleware<OriginCheckMiddleware>();

    private static DirectoryInfo KeyRingFolder(WebSecurityOptions security, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(security.KeyRing, environment.ContentRootPath);
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
