using System.Globalization;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Models.Custom;

/// <summary>Checks the members of one custom layer, naming each bad one as <c>model.custom[i].member</c>.</summary>
internal sealed class MemberCheck(string field, ValidationErrors errors)
{
    /// <summary>
    /// Kernels, strides, dilations, paddings and pooled sizes beyond the largest image a job may feed are typos,
    /// and bounding them keeps the window arithmetic far from integer overflow.
    /// </summary>
    public const int MaxWindow = InputShape.MaxSize;

    public static readonly NumberRange NegativeSlope = new(0, 1);

    public int Positive(string member, int? value, int? fallback = null, int max = int.MaxValue)
    {
        var actual = value ?? fallback;
        if (actual is >= 1 && actual <= max)
        {
            return actual.Value;
        }
        return Fail(member, actual is null ? "is required."
            : max == int.MaxValue ? "must be at least 1."
            : $"must be between 1 and {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    public int NonNegative(string member, int? value, int fallback, int max = int.MaxValue)
    {
        var actual = value ?? fallback;
        if (actual >= 0 && actual <= max)
        {
            return actual;
        }
        return Fail(member, max == int.MaxValue ? "must not be negative." : $"must be between 0 and {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    public double Probability(string member, double? value, double fallback)
    {
        var p = value ?? fallback;
        if (p is >= 0 and < 1)
        {
            return p;
        }
        errors.Add($"{field}.{member}", "must be a finite number at least 0 and less than 1.");
        return fallback;
    }

    public double Number(string member, double? value, double fallback, NumberRange range) =>
        range.Check(value, $"{field}.{member}", errors) ? value ?? fallback : fallback;

    public int Fail(string member, string reason)
    {
        errors.Add($"{field}.{member}", reason);
        return 1;
    }
}
