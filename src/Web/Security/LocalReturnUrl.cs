namespace TrainingService.Web.Security;

/// <summary>Where a sign-in may send the browser afterwards: a path of this site, never another host (open redirect).</summary>
public static class LocalReturnUrl
{
    public const string Default = "/jobs";

    /// <returns><paramref name="returnUrl"/> when it is a local path other than the sign-in pages; otherwise <see cref="Default"/>.</returns>
    public static string Sanitize(string? returnUrl) =>
        IsLocal(returnUrl) && !IsSessionPage(returnUrl!) ? returnUrl! : Default;

    // The rules of ASP.NET Core's IsLocalUrl: "/x" or "~/x", but neither "//host" nor "/\host" (which browsers read as
    // another host), and no control characters a browser would drop.
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    private static bool IsSessionPage(string url) =>
        url.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) || url.StartsWith("/signout", StringComparison.OrdinalIgnoreCase);
}
