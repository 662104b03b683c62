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
}
