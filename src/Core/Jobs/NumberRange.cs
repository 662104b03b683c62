using System.Globalization;

namespace TrainingService.Core.Jobs;

/// <summary>
/// The numbers a field accepts. Submissions may spell NaN and infinities (the JSON options allow them
/// for metrics), so every check also demands a finite number, and the reason states the whole range.
/// </summary>
public sealed record NumberRange(double Min, double Max, bool MinExclusive = false, bool MaxExclusive = false)
{
    public bool Contains(double value) =>
        double.IsFinite(value)
        && (MinExclusive ? value > Min : value >= Min)
        && (MaxExclusive ? value < Max : value <= Max);

    /// <summary>The reason a field outside the range is given, e.g. "must be a finite number between 0 and 1."</summary>
    public string Reason => $"must be a finite number {Text}.";

    /// <summary>The range in words, as the documentation and the reasons write it.</summary>
    public string Text => (MinExclusive, MaxExclusive) switch
    {
        (false, false) => $"between {Format(Min)} and {Format(Max)}",
        (true, false) => $"greater than {Format(Min)} and at most {Format(Max)}",
        (false, true) => $"at least {Format(Min)} and less than {Format(Max)}",
        (true, true) => $"greater than {Format(Min)} and less than {Format(Max)}",
    };

    /// <summary>Adds the reason under <paramref name="field"/> when a given value is out of range; a missing one passes.</summary>
    public bool Check(double? value, string field, ValidationErrors errors)
    {
        if (value is not { } given || Contains(given))
        {
            return true;
        }
        errors.Add(field, Reason);
        return false;
    }

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
