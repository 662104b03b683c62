namespace TrainingService.Core.Jobs;

/// <summary>Hangfire queue names (lowercase letters, digits, '_' and '-' only).</summary>
public static class JobQueues
{
    public const string Training = "training";
}
