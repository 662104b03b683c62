namespace TrainingService.Api.Identity;

/// <summary>The names the Api's authentication and authorization are registered under.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string AdminPolicy = "Admin";

    /// <summary>
    /// The Hangfire dashboard's scheme: the same keys, also taken as an HTTP Basic password, because a browser
    /// opening the dashboard can prompt for Basic credentials but cannot send a Bearer header.
    /// </summary>
    public const string DashboardScheme = "HangfireDashboard";
    public const string DashboardPolicy = "HangfireDashboard";
    public const string DashboardRealm = "Hangfire";

    /// <summary>Browsers cannot set headers on a WebSocket, so the hub alone also takes the key in the query.</summary>
    public const string AccessTokenQuery = "access_token";
}
