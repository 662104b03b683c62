using System.Globalization;
using TrainingService.Contracts.Jobs;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Jobs;

/// <summary>
/// The jobs list's URL query read back into the Api's <see cref="JobListQuery"/>. The page's URL spells the query
/// exactly as the Api does (<see cref="JobListQuery.ToQueryString"/>), so a shared or reloaded link shows the same list.
/// A value that cannot be part of a query (a hand-edited <c>?sort=size</c>) is dropped and said so, never sent on.
/// </summary>
/// <param name="Query">What to ask the Api for.</param>
/// <param name="Page">The page as typed, with its own correction (see <see cref="PageRequest"/>).</param>
/// <param name="Corrections">Why other parts of the URL were not used.</param>
public sealed record JobListRequest(JobListQuery Query, PageRequest Page, IReadOnlyList<string> Corrections)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The names of the page's query parameters: the Api's own.</summary>
    public static class Names
    {
        public const string Page = "page";
        public const string PageSize = "pageSize";
        public const string Status = "status";
        public const string Model = "model";
        public const string Dataset = "dataset";
        public const string Tag = "tag";
        public const string Sweep = "sweep";
        public const string Text = "q";
        public const string Sort = "sort";
        public const string Order = "order";
    }

    /// <param name="query">The URL's query parameters by name; absent ones may be missing or null.</param>
    public static JobListRequest Parse(IReadOnlyDictionary<string, string?> query)
    {
        var corrections = new List<string>();
        string? Value(string name) => query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var pageSize = PageSize(Value(Names.PageSize), corrections);
        var page = PageRequest.Parse(Value(Names.Page), pageSize);
        var sort = Value(Names.Sort) ?? JobListSort.Active;
        if (!JobListSort.All.Contains(sort))
        {
            corrections.Add($"“{sort}” is not a column the list sorts by; showing running jobs first.");
            sort = JobListSort.Active;
        }

        var order = Value(Names.Order) ?? JobListSort.Ascending;
        if (order is not (JobListSort.Ascending or JobListSort.Descending))
        {
            corrections.Add($"“{order}” is not an order (asc or desc); sorting ascending.");
            order = JobListSort.Ascending;
        }

        return new JobListRequest(
            new JobListQuery(
                page.Number,
                pageSize,
                Statuses(Value(Names.Status), corrections),
                Value(Names.Model),
                Value(Names.Dataset),
                Value(Names.Tag),
                Sweep(Value(Names.Sweep), corrections),
                Value(Names.Text),
                sort,
                order),
            page,
            corrections);
    }

    /// <summary>The statuses a query keeps; empty when it keeps every status.</summary>
    public static IReadOnlyList<JobStatus> StatusesOf(JobListQuery query) =>
        [.. (query.Status ?? []).Select(s => Enum.Parse<JobStatus>(s, ignoreCase: true))];

    private static int PageSize(string? text, List<string> corrections)
    {
        if (text is null)
        {
            return DefaultPageSize;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize)
        {
            return size;
        }

        corrections.Add($"“{text}” is not a page size from 1 to {MaxPageSize}; showing {DefaultPageSize} jobs a page.");
        return DefaultPageSize;
    }

    private static IReadOnlyList<string>? Statuses(string? text, List<string> corrections)
    {
        if (text is null)
        {
            return null;
        }

        var statuses = new List<string>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<JobStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(name, out _))
            {
                if (!statuses.Contains(status.ToString()))
                {
                    statuses.Add(status.ToString());
                }
            }
            else
            {
                corrections.Add($"“{name}” is not a job status; it is left out of the filter.");
            }
        }

        return statuses.Count == 0 ? null : statuses;
    }

    private static Guid? Sweep(string? text, List<string> corrections)
    {
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text, out var sweep))
        {
            return sweep;
        }

        corrections.Add($"“{text}” is not a sweep id; the list is not filtered by sweep.");
        return null;
    }
}
