using System.Text.Json;

namespace TrainingService.Api.Apis;

/// <summary>Turns a System.Text.Json failure into a field path and a reason a person can act on.</summary>
internal static class JsonErrors
{
    public static Dictionary<string, string[]> Describe(JsonException exception)
    {
        var field = exception.Path is null or "$" ? "$" : exception.Path.TrimStart('$', '.');
        var message = exception.Message;
        var reason = message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field."
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "has a value of the wrong type."
            : exception.LineNumber is { } line ? $"is not valid JSON (line {line + 1}, byte {exception.BytePositionInLine + 1})."
            : "is not valid JSON.";
        return new Dictionary<string, string[]> { [field] = [reason] };
    }
}
