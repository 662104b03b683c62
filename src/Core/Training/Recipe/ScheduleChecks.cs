using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>The per-parameter checks of <see cref="ScheduleRules"/>, reporting under one field prefix.</summary>
internal sealed class ScheduleChecks(string prefix, ValidationErrors errors)
{
    public void StepSize(int? stepSize)
    {
        if (stepSize is null)
        {
            errors.Add($"{prefix}.stepSize", "is required.");
        }
        else
        {
            FieldChecks.AtLeast(stepSize.Value, 1, $"{prefix}.stepSize", errors);
        }
    }

    public void RequiredGamma(double? gamma)
    {
        if (gamma is null)
        {
            errors.Add($"{prefix}.gamma", "is required.");
        }
        else
        {
            Gamma(gamma.Value);
        }
    }

    /// <summary>A gamma above 1 would raise the rate, which no decay schedule is asked for.</summary>
    public void Gamma(double gamma)
    {
        if (!(gamma > 0 && gamma <= 1))
        {
            errors.Add($"{prefix}.gamma", "must be greater than 0 and at most 1.");
        }
    }

    public void Milestones(IReadOnlyList<int>? milestones, int epochs)
    {
        var field = $"{prefix}.milestones";
        if (milestones is null)
        {
            errors.Add(field, "is required.");
        }
        else if (milestones.Count == 0 || milestones.Where((m, i) => i > 0 && m <= milestones[i - 1]).Any())
        {
            errors.Add(field, "must list at least one epoch, in increasing order.");
        }
        else if (milestones[0] < 1 || milestones[^1] >= epochs)
        {
            errors.Add(field, $"must lie between 1 and {epochs - 1}: a milestone m lowers the rate from epoch m + 1 of {epochs}.");
        }
    }

    public void Cosine(int warmupEpochs, double minRate, double baseRate, int epochs)
    {
        if (warmupEpochs < 0 || warmupEpochs >= epochs)
        {
            errors.Add($"{prefix}.warmupEpochs", $"must be at least 0 and less than the {epochs} epochs, leaving at least one to anneal.");
        }
        if (!(minRate >= 0 && minRate <= baseRate))
        {
            errors.Add($"{prefix}.minRate", $"must be a finite number between 0 and the learning rate {baseRate}.");
        }
    }
}
