using System.Text.RegularExpressions;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Identity;

/// <summary>User names: what a shell command and a URL can carry unquoted, in one case so that two names never differ only by it.</summary>
public static partial class UserNameRules
{
    public const int MaxLength = 64;

    public static string? Check(string? name, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, "is required.");
        }
        else if (trimmed.Length > MaxLength)
        {
            errors.Add(field, $"must be at most {MaxLength} characters.");
        }
        else if (!Allowed().IsMatch(trimmed))
        {
            errors.Add(field, "must start with a lower-case letter or digit and contain only lower-case letters, digits, '.', '_' and '-'.");
        }
        return trimmed;
    }

    /// <summary>Key names are labels for their owner ("laptop", "ci"); the display-name rule with a length of its own.</summary>
    public static string CheckKeyName(string? name, string field, ValidationErrors errors)
    {
        var trimmed = DisplayNameRules.Check(name, field, errors);
        if (trimmed is { Length: > KeyNameMaxLength })
        {
            errors.Add(field, $"must be at most {KeyNameMaxLength} characters.");
        }
        return string.IsNullOrEmpty(trimmed) ? "default" : trimmed;
    }

    public const int KeyNameMaxLength = 100;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Allowed();
}
