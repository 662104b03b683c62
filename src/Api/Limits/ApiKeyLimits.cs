namespace TrainingService.Api.Limits;

/// <summary>What one API key may do (section <c>ApiKeyLimits</c>); going past a limit answers 429 with <c>Retry-After</c>.</summary>
public sealed class ApiKeyLimits
{
    public const string SectionName = "ApiKeyLimits";

    /// <summary>Job submissions per key in any one minute (a fixed window).</summary>
    public int SubmissionsPerMinute { get; set; } = 60;

    /// <summary>Queued, running and paused jobs a key may hold at once.</summary>
    public int MaxActiveJobs { get; set; } = 50;

    /// <summary>Dataset bytes (the zips' sizes) a key may upload in any 24 hours.</summary>
    public long UploadBytesPerDay { get; set; } = 20L * 1024 * 1024 * 1024;

    public static readonly TimeSpan UploadWindow = TimeSpan.FromHours(24);

    /// <summary>A full key has no time at which a slot frees itself: its jobs end when they end, so the client is told to look again.</summary>
    public static readonly TimeSpan ActiveJobsRetryAfter = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (SubmissionsPerMinute < 1) throw new InvalidOperationException($"{SectionName}:{nameof(SubmissionsPerMinute)} must be at least 1.");
        if (MaxActiveJobs < 1) throw new InvalidOperationException($"{SectionName}:{nameof(MaxActiveJobs)} must be at least 1.");
        if (UploadBytesPerDay < 1) throw new InvalidOperationException($"{SectionName}:{nameof(UploadBytesPerDay)} must be at least 1.");
    }
}
