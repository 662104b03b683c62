using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingService.Web.Clients.Api;

/// <summary>
/// How the dashboard writes a request body it also shows to the person sending it: the Api's wire format, indented,
/// without the members left empty. The page shows exactly the text the client sends.
/// </summary>
public static class SubmissionJson
{
    public static JsonSerializerOptions Options { get; } =
        new(ApiJson.Indented) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Serialize<T>(T body) => JsonSerializer.Serialize(body, Options);
}
