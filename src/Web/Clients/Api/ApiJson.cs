using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingService.Web.Clients.Api;

/// <summary>The Api's wire format: camelCase, enums as strings. Shared by REST and the SignalR protocol.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>For showing JSON to people. Relaxed escaping is safe because Blazor HTML-encodes all text it renders.</summary>
    public static JsonSerializerOptions Indented { get; } =
        new(Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
