using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TrainingService.Api.Hubs;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> (on the hub also <c>access_token</c>, on the dashboard
/// also a Basic password) against the stored key hashes, through <see cref="AuthenticatedKeyCache"/>. Refusals are
/// problem details, like every other error of the Api. Cookies are never read: a key is always sent on purpose, so
/// no page can borrow it.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AuthenticatedKeyCache keys, IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer";
    private const string Basic = "Basic";

    /// <summary>Stands for credentials that were sent but cannot be a key; it fails the well-formedness check.</summary>
    private const string Unusable = "";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Health answers whatever the database does, so an anonymous endpoint never looks a key up.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null) return AuthenticateResult.NoResult();
        var secret = PresentedSecret();
        if (secret is null) return AuthenticateResult.NoResult();
        var caller = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("The API key is malformed, unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, Scheme.Name),
                new AuthenticationProperties { ExpiresUtc = TimeProvider.GetUtcNow() + Options.ConnectionLifetime }, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.Append(HeaderNames.WWWAuthenticate, Options.BasicRealm is { } realm ? $"{Basic} realm=\"{realm}\"" : Bearer);
        var how = Options.BasicRealm is null
            ? "Send an API key as 'Authorization: Bearer <key>'."
            : "Sign in with an admin's API key as the password (any user name), or send it as 'Authorization: Bearer <key>'.";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "An API key is required",
            PresentedSecret() is null
                ? $"{how} Create one on the dashboard's Keys page or with ./run.sh accounts."
                : "The API key is malformed, unknown or revoked. Create a key on the dashboard's Keys page or with ./run.sh accounts.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This needs an admin's key.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    /// <returns>Null when no key was sent; otherwise what was sent, which may well be no key at all.</returns>
    private string? PresentedSecret()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count > 1) return Unusable;
        if (headers.Count == 1)
        {
            var (scheme, credentials) = Split(headers[0] ?? "");
            if (scheme.Equals(Bearer, StringComparison.OrdinalIgnoreCase)) return credentials;
            if (Options.BasicRealm is not null && scheme.Equals(Basic, StringComparison.OrdinalIgnoreCase)) return BasicPassword(credentials);
            return null;
        }
        if (Request.Path.StartsWithSegments(TrainingHub.Path) && Request.Query.TryGetValue(ApiKeyAuthentication.AccessTokenQuery, out var token))
        {
            return token.Count == 1 ? token[0] ?? Unusable : Unusable;
        }
        return null;
    }

    private static (string Scheme, string Credentials) Split(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (header, Unusable) : (header[..space], header[(space + 1)..].Trim(' '));
    }

    /// <summary>The password of <c>user:password</c>; a key never holds a colon, so the first one ends the user name.</summary>
    private static string BasicPassword(string credentials)
    {
        var bytes = new byte[credentials.Length];
        if (!Convert.TryFromBase64String(credentials, bytes, out var length)) return Unusable;
        var pair = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? Unusable : pair[(colon + 1)..];
    }
}
