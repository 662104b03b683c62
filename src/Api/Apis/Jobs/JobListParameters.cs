using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;
using TrainingService.Core.Library;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// The query parameters of <c>GET /api/jobs</c> (spelled by <see cref="JobListQuery.ToQueryString"/>) checked into
/// <see cref="JobListCriteria"/>; each bad value is named by its parameter. An empty value is no filter.
/// </summary>
internal static class JobListParameters
{
    /// <summary>Longer than any model, dataset or job name, so a longer filter can only be a mistake.</summary>
    public const int MaxFilterLength = 200;

    public static JobListCriteria? Check(int page, int pageSize, string? status, string? model, string? dataset, string? tag, string? sweep,
        string? q, string? sort, string? order, ValidationErrors errors)
    {
        var pageSizeIsValid = pageSize is >= 1 and <= JobsApi.MaxPageSize;
        if (!pageSizeIsValid) errors.Add("pageSize", $"must be between 1 and {JobsApi.MaxPageSize}.");
        if (pageSizeIsValid && (page < 1 || page > JobsApi.MaxPage(pageSize))) errors.Add("page", $"must be between 1 and {JobsApi.MaxPage(pageSize)} for a pageSize of {pageSize}.");
        else if (page < 1) errors.Add("page", "must be at least 1.");

        var criteria = new JobListCriteria
        {
            Page = page,
            PageSize = pageSize,
            Statuses = Statuses(status, errors),
            Model = Text("model", model, MaxFilterLength, errors),
            Dataset = Text("dataset", dataset, MaxFilterLength, errors),
            Tag = Text("tag", tag, JobLabels.MaxTagLength, errors),
            Sweep = Sweep(sweep, errors),
            Text = Text("q", q, MaxFilterLength, errors),
            Sort = Sort(sort, errors),
            Descending = Descending(order, errors),
        };
        return errors.Any ? null : criteria;
    }

    private static List<JobStatus> Statuses(string? given, ValidationErrors errors)
    {
        var statuses = new List<JobStatus>();
        foreach (var name in (given ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Enum.TryParse would take "1" for Running; only the names are statuses.
            if (Enum.GetNames<JobStatus>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                var parsed = Enum.Parse<JobStatus>(known);
                if (!statuses.Contains(parsed)) statuses.Add(parsed);
            }
            else
            {
                errors.Add("status", $"'{Shown(name)}' is not a job status; use a comma-separated list of {string.Join(", ", Enum.GetNames<JobStatus>())}.");
            }
        }
        return statuses;
    }

    private static string? Text(string parameter, string? given, int maxLength, ValidationErrors errors)
    {
        var text = given?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > maxLength) errors.Add(parameter, $"may have at most {maxLength} characters; got {text.Length}.");
        else if (text.Any(char.IsControl)) errors.Add(parameter, "must not contain control characters.");
        else if (!UnicodeText.IsWellFormed(text)) errors.Add(parameter, "must be well-formed Unicode text.");
        return text;
    }

    private static Guid? Sweep(string? given, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(given)) return null;
        if (Guid.TryParse(given.Trim(), out var id)) return id;
        errors.Add("sweep", $"must be a sweep id (a GUID); got '{Shown(given)}'.");
        return null;
    }

    private static string Sort(string? given, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(given)) return JobListSort.Active;
        if (JobListSort.All.FirstOrDefault(s => string.Equals(s, given.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known) return known;
        errors.Add("sort", $"must be one of {string.Join(", ", JobListSort.All)}; got '{Shown(given)}'.");
        return JobListSort.Active;
    }

    private static bool Descending(string? given, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(given) || string.Equals(given.Trim(), JobListSort.Ascending, StringComparison.OrdinalIgnoreCase)) return false;
        if (string.Equals(given.Trim(), JobListSort.Descending, StringComparison.OrdinalIgnoreCase)) return true;
        errors.Add("order", $"must be {JobListSort.Ascending} or {JobListSort.Descending}; got '{Shown(given)}'.");
        return false;
    }

    /// <summary>A refused value as it may be echoed: short, and without characters that could upset a log or a terminal.</summary>
    private static string Shown(string value)
    {
        var clean = new string(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());
        return clean.Length > 50 ? clean[..50] + "…" : clean;
    }
}
