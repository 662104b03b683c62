namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// The submission as a shell command that works as it stands once <c>$KEY</c> holds an API key: the Api's public
/// address, the key only as the variable (never the signed-in user's own), and the spec as the exact JSON sent.
/// </summary>
public static class CurlCommand
{
    public static string For(Uri publicApi, string json)
    {
        var url = new Uri(publicApi, "api/jobs").AbsoluteUri;
        return $"""
            curl -s -X POST {Quoted(url)} \
              -H "Authorization: Bearer $KEY" \
              -H 'Content-Type: application/json' \
              -d {Quoted(json)}
            """;
    }

    /// <summary>Single quotes keep everything literal in a POSIX shell; a quote inside is closed, escaped and reopened.</summary>
    public static string Quoted(string text) => "'" + text.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
