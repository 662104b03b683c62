using TrainingService.Contracts.Jobs;

namespace TrainingService.Web.Features.Jobs;

/// <summary>Links to the jobs list, spelled as the Api's query so the URL is the list (see <see cref="JobListRequest"/>).</summary>
public static class JobListLinks
{
    public static string To(JobListQuery query) => $"jobs?{query.ToQueryString()}";

    /// <summary>The same filters and sort, another page.</summary>
    public static string ToPage(JobListQuery query, int page) => To(query with { Page = page });

    /// <summary>
    /// Sorting by a column: a second click on the sorted column turns its order round; another column starts ascending.
    /// Either goes back to the first page, since the rows before the current one have changed.
    /// </summary>
    public static JobListQuery SortedBy(JobListQuery query, string column) =>
        query with
        {
            Page = 1,
            Sort = column,
            Order = query.Sort == column && query.Order == JobListSort.Ascending ? JobListSort.Descending : JobListSort.Ascending,
        };
}
