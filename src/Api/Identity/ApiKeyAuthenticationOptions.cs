using Microsoft.AspNetCore.Authentication;

namespace TrainingService.Api.Identity;

/// <summary>How one API-key scheme takes its key and how it asks for one.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// When set, the scheme also takes the key as the password of <c>Authorization: Basic</c> (any user name) and
    /// challenges with <c>WWW-Authenticate: Basic realm="..."</c>, so that a browser prompts for it.
    /// </summary>
    public string? BasicRealm { get; set; }

    /// <summary>
    /// How long one check of a key holds for a connection that stays open (the hub's WebSocket). The hub closes a
    /// connection when it runs out, and the client's reconnect checks the key again, so a revoked key stops
    /// receiving events within this time; a request is checked on every call anyway.
    /// </summary>
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public const string SectionName = "ApiKeyAuthentication";
}
