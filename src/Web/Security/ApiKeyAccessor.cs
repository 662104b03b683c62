using System.Security.Claims;

namespace TrainingService.Web.Security;

/// <summary>
/// The signed-in user of the current scope and the key the Api is called with on their behalf. In a circuit the user
/// comes from its <c>AuthenticationStateProvider</c> (set by <see cref="ApiKeyCircuitHandler"/>); in an HTTP request
/// (static pages, the download endpoint) from <c>HttpContext.User</c>, which a circuit must not rely on.
/// </summary>
public sealed class ApiKeyAccessor(IHttpContextAccessor httpContextAccessor)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private ClaimsPrincipal? circuitUser;

    public ClaimsPrincipal User => circuitUser ?? httpContextAccessor.HttpContext?.User ?? Anonymous;

    /// <summary>The secret to send as <c>Authorization: Bearer</c>; <see langword="null"/> when nobody is signed in.</summary>
    public string? Key => SessionClaims.KeyOf(User);

    public void UseCircuitUser(ClaimsPrincipal user) => circuitUser = user;
}
