namespace TrainingService.Web.Features.Shared;

/// <summary>
/// A submission as a shell command that works as it stands once <c>$KEY</c> holds an API key: the Api's public
/// address, the key only as the variable (never the signed-in user's own: the page never writes it anywhere it could be
/// copied, logged or screenshotted), and the body as the exact JSON sent.
/// </summary>
public static class CurlCommand
{
    public static string Post(Uri url, string json) => $"""
            curl -s -X POST {Quoted(url.AbsoluteUri)} \
              -H "Authorization: Bearer $KEY" \
              -H 'Content-Type: application/json' \
              -d {Quoted(json)}
            """;

    /// <summary>Single quotes keep everything literal in a POSIX shell; a quote inside is closed, escaped and reopened.</summary>
    public static string Quoted(string text) => "'" + text.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
