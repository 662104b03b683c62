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

    /// <summary>
    /// For command bodies: nulls are left out, because for <c>PATCH</c> an absent field means "keep" and a null would
    /// not say that, and the Api refuses members it does not know.
    /// </summary>
    public static JsonSerializerOptions Commands { get; } =
        new(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
