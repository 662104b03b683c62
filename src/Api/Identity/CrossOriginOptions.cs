namespace TrainingService.Api.Identity;

/// <summary>
/// The <c>Cors</c> section: web origins besides the Api's own whose pages may call the Api. Empty by default, so
/// no other page can read an answer, send a state-changing request or open the hub.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins as a browser sends them: <c>https://dashboard.example.org</c>, <c>http://127.0.0.1:5090</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The allowed origins in the form a browser serialises them (lower case, default port left out).</summary>
    public IReadOnlyList<string> Origins() =>
        [.. AllowedOrigins.Select(origin => new Uri(origin.Trim(), UriKind.Absolute).GetLeftPart(UriPartial.Authority))];

    public void Validate()
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new InvalidOperationException(
                    $"{SectionName}:AllowedOrigins holds '{origin}'; each entry must be an origin such as https://dashboard.example.org (scheme, host and port only).");
            }
        }
    }
}
