using System.Text.RegularExpressions;

namespace TrainingService.Api.Problems;

/// <summary>
/// Reads the parameter a minimal API could not bind out of the framework's message, which is the only place
/// it names it: <c>Failed to bind parameter "int page" from "abc".</c> or
/// <c>Required parameter "int page" was not provided from query string.</c>
/// </summary>
public static partial class BindingFailure
{
    /// <summary>The field and reason for a binding failure, or null where the message names no parameter.</summary>
    public static KeyValuePair<string, string[]>? Describe(string message)
    {
        if (FailedToBind().Match(message) is { Success: true } failed)
        {
            var value = failed.Groups["value"].Value;
            var shown = value.Length <= 40 ? value : value[..40] + "…";
            return new(failed.Groups["name"].Value, [$"{Expected(failed.Groups["type"].Value)}; got \"{shown}\"."]);
        }
        if (NotProvided().Match(message) is { Success: true } missing)
        {
            return new(missing.Groups["name"].Value, ["is required."]);
        }
        return null;
    }

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "int" => $"must be a whole number between {int.MinValue} and {int.MaxValue}",
        "long" => $"must be a whole number between {long.MinValue} and {long.MaxValue}",
        "double" or "float" or "decimal" => "must be a number",
        "bool" => "must be true or false",
        "Guid" => "must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "DateTime" or "DateTimeOffset" => "must be a date and time such as 2025-01-31T12:00:00Z",
        var other => $"must be a {other}",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex NotProvided();
}
