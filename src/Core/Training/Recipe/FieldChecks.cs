using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// The range checks recipe rules share. Each is written so that NaN fails it, and each names the
/// field and the allowed range in the words the API shows.
/// </summary>
internal static class FieldChecks
{
    public static void Positive(double value, string field, ValidationErrors errors)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            errors.Add(field, "must be a finite number greater than 0.");
        }
    }

    public static void NonNegative(double value, string field, ValidationErrors errors)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            errors.Add(field, "must be a finite number of at least 0.");
        }
    }

    /// <summary>At least 0 and less than 1, the range of momenta and moving-average factors.</summary>
    public static void Fraction(double value, string field, ValidationErrors errors)
    {
        if (!(value >= 0 && value < 1))
        {
            errors.Add(field, "must be a finite number at least 0 and less than 1.");
        }
    }

    public static void Between(double value, double min, double max, string field, ValidationErrors errors)
    {
        if (!(value >= min && value <= max))
        {
            errors.Add(field, $"must be a finite number between {min} and {max}.");
        }
    }

    public static void AtLeast(int value, int min, string field, ValidationErrors errors)
    {
        if (value < min)
        {
            errors.Add(field, $"must be at least {min}.");
        }
    }
}
