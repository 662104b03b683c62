using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TrainingService.Api.Hubs;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> (and, on the hub only, <c>access_token</c>) against the
/// stored key hashes. Refusals are problem details, like every other error of the Api.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccountStore accounts, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret();
        if (secret is null) return AuthenticateResult.NoResult();
        var caller = await accounts.AuthenticateAsync(secret, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("The API key is malformed, unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        var presented = PresentedSecret() is not null;
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "An API key is required",
            presented
                ? "The API key is malformed, unknown or revoked. Create a key on the dashboard's Keys page or with ./run.sh accounts."
                : "Send an API key as 'Authorization: Bearer <key>'. Create one on the dashboard's Keys page or with ./run.sh accounts.");
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

    private string? PresentedSecret()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[BearerPrefix.Length..].Trim();
        }
        if (Request.Path.StartsWithSegments(TrainingHub.Path)
            && Request.Query.TryGetValue(ApiKeyAuthentication.AccessTokenQuery, out var token) && token.Count == 1)
        {
            return token[0];
        }
        return null;
    }
}
