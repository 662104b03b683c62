using TrainingService.Core.Jobs;

namespace TrainingService.Core.Models.Custom;

/// <summary>Checks the members of one custom layer, naming each bad one as <c>model.custom[i].member</c>.</summary>
internal sealed class MemberCheck(string field, ValidationErrors errors)
{
    public int Positive(string member, int? value, int? fallback = null)
    {
        var actual = value ?? fallback;
        if (actual is >= 1)
        {
            return actual.Value;
        }
        return Fail(member, actual is null ? "is required." : "must be at least 1.");
    }

    public int NonNegative(string member, int? value, int fallback)
    {
        if ((value ?? fallback) >= 0)
        {
            return value ?? fallback;
        }
        return Fail(member, "must not be negative.");
    }

    public double Probability(string member, double? value, double fallback)
    {
        var p = value ?? fallback;
        if (p is >= 0 and < 1)
        {
            return p;
        }
        errors.Add($"{field}.{member}", "must be at least 0 and less than 1.");
        return fallback;
    }

    public int Fail(string member, string reason)
    {
        errors.Add($"{field}.{member}", reason);
        return 1;
    }
}
