namespace TrainingService.Api.Identity;

/// <summary>The names the Api's authentication and authorization are registered under.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string AdminPolicy = "Admin";

    /// <summary>Browsers cannot set headers on a WebSocket, so the hub alone also takes the key in the query.</summary>
    public const string AccessTokenQuery = "access_token";
}
