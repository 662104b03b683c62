using System.Globalization;
using System.Security.Claims;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Identity;

/// <summary>The one mapping between a <see cref="Caller"/> and the claims an authenticated request carries.</summary>
public static class CallerClaims
{
    private const string KeyIdClaim = "key_id";
    private const string KeyPrefixClaim = "key_prefix";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, caller.UserId.ToString("D")),
        new Claim(ClaimTypes.Name, caller.UserName),
        new Claim(ClaimTypes.Role, RoleName(caller.Role)),
        new Claim(KeyIdClaim, caller.KeyId.ToString("D")),
        new Claim(KeyPrefixClaim, caller.KeyPrefix),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The caller of an authenticated request; endpoints run only after authorization, so one is always there.</summary>
    public static Caller GetCaller(this ClaimsPrincipal principal) => principal.TryGetCaller()
        ?? throw new InvalidOperationException("The request is not authenticated; the fallback policy should have refused it.");

    public static Caller GetCaller(this HttpContext context) => context.User.GetCaller();

    public static Caller? TryGetCaller(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            || !Guid.TryParse(principal.FindFirstValue(KeyIdClaim), CultureInfo.InvariantCulture, out var keyId))
        {
            return null;
        }
        var role = principal.IsInRole(RoleName(UserRole.Admin)) ? UserRole.Admin : UserRole.Member;
        return new Caller(userId, principal.FindFirstValue(ClaimTypes.Name) ?? "", role, keyId, principal.FindFirstValue(KeyPrefixClaim) ?? "");
    }

    public static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();
}
