using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Security;

/// <summary>
/// What a dashboard session holds: the user, their role and the key they signed in with. The ticket is encrypted by
/// Data Protection and lives only in the HttpOnly cookie and in server memory; the key claim is never rendered.
/// </summary>
public static class SessionClaims
{
    public const string KeyIdType = "training:key_id";
    public const string KeyPrefixType = "training:key_prefix";
    public const string KeyType = "training:key";

    public static ClaimsPrincipal For(MeDto me, string key) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, me.Id.ToString()),
                new Claim(ClaimTypes.Name, me.Name),
                new Claim(ClaimTypes.Role, me.Role.ToLowerInvariant()),
                new Claim(KeyIdType, me.Key.Id.ToString()),
                new Claim(KeyPrefixType, me.Key.Prefix),
                new Claim(KeyType, key),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role));

    public static string? KeyOf(ClaimsPrincipal user) => user.FindFirst(KeyType)?.Value;

    public static Guid? KeyIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(KeyIdType)?.Value, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? KeyPrefixOf(ClaimsPrincipal user) => user.FindFirst(KeyPrefixType)?.Value;

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(UserRoles.Admin);
}
