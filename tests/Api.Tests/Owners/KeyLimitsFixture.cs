namespace TrainingService.Api.Tests.Owners;

/// <summary>The owners' Api with limits small enough to reach: 5 submissions a minute, 2 active jobs, uploads of about one and a half pets zips a day.</summary>
public sealed class KeyLimitsFixture : OwnersFixture
{
    public const int SubmissionsPerMinute = 5;
    public const int MaxActiveJobs = 2;
    public static readonly long UploadBytesPerDay = DatasetZips.Pets().Length * 3L / 2;

    public KeyLimitsFixture() : base(new Dictionary<string, string>
    {
        ["ApiKeyLimits:SubmissionsPerMinute"] = SubmissionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ApiKeyLimits:MaxActiveJobs"] = MaxActiveJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ApiKeyLimits:UploadBytesPerDay"] = UploadBytesPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    {
    }
}
