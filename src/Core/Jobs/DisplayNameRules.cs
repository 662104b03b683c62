namespace TrainingService.Core.Jobs;

/// <summary>The one rule for names a user gives and the dashboard shows: job names and dataset names alike.</summary>
public static class DisplayNameRules
{
    public const int MaxLength = 200;

    /// <returns>The name trimmed (null when none was given); the reasons it breaks the rule are added under <paramref name="field"/>.</returns>
    public static string? Check(string? name, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = name?.Trim();
        if (trimmed is { Length: > MaxLength })
        {
            errors.Add(field, $"must be at most {MaxLength} characters.");
        }
        else if (trimmed is not null && trimmed.Any(char.IsControl))
        {
            // PostgreSQL text refuses NUL, and no other control character belongs in a name shown on the dashboard.
            errors.Add(field, "must not contain control characters (such as NUL, tabs or line breaks).");
        }

        return trimmed;
    }
}
