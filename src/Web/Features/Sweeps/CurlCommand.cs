namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// A request as a curl command a person can paste into a shell. The key is always the <c>$KEY</c> placeholder: the
/// page never writes the signed-in user's key anywhere it could be copied, logged or screenshotted.
/// </summary>
public static class CurlCommand
{
    public const string KeyPlaceholder = "$KEY";

    public static string Post(Uri url, string json) =>
        $"curl -s -X POST \"{url.AbsoluteUri}\" \\\n" +
        $"  -H \"Authorization: Bearer {KeyPlaceholder}\" \\\n" +
        "  -H \"Content-Type: application/json\" \\\n" +
        $"  --data-binary '{json.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
