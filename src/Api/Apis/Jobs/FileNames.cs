namespace TrainingService.Api.Apis.Jobs;

/// <summary>How a job's name appears in the names of the files it downloads as.</summary>
internal static class FileNames
{
    public static string Slug(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "job" : slug[..Math.Min(slug.Length, 60)];
    }
}
