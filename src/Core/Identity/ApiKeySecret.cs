using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrainingService.Core.Identity;

/// <summary>
/// The form of an API key: <c>tsk_</c> and 43 base64url characters (32 random bytes). The fixed
/// prefix lets secret scanners find leaked keys, and a malformed key is refused before any lookup.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "tsk_";
    public const int PrefixLength = 12;
    private const int RandomBytes = 32;
    public static readonly int Length = Marker.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static bool IsWellFormed(string? secret) =>
        secret is not null && secret.Length == Length && secret.StartsWith(Marker, StringComparison.Ordinal)
        && secret.AsSpan(Marker.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..PrefixLength];

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
