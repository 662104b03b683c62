using Microsoft.AspNetCore.WebUtilities;
using TrainingService.Contracts.Jobs;
using TrainingService.Web.Features.Jobs;

namespace TrainingService.Web.Tests.Features.Jobs;

public sealed class JobListRequestTests
{
    public static TheoryData<JobListQuery> Queries => new()
    {
        new JobListQuery(),
        new JobListQuery(Page: 3, PageSize: 50, Status: ["Running", "Paused"], Model: "resnet18", Dataset: "cifar10",
            Tag: "baseline", Sweep: Guid.Parse("3f2b8c1e-0000-4000-8000-00000000abcd"), Text: "lr 0.1 & more, “quoted”",
            Sort: JobListSort.TestAccuracy, Order: JobListSort.Descending),
        new JobListQuery(Status: ["Failed"], Text: "a=b?c#d", Sort: JobListSort.Name),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Filters_sort_and_page_survive_the_round_trip_through_the_page_url(JobListQuery query)
    {
        var read = Read(JobListLinks.To(query));

        Assert.Equal(query.ToQueryString(), read.Query.ToQueryString());
        Assert.Empty(read.Corrections);
        Assert.Null(read.Page.Correction);
    }

    [Fact]
    public void An_empty_url_is_the_first_page_with_running_jobs_first()
    {
        var read = Read("jobs");

        Assert.Equal(new JobListQuery().ToQueryString(), read.Query.ToQueryString());
        Assert.Equal(JobListSort.Active, read.Query.Sort);
    }

    [Fact]
    public void Hand_edited_values_the_api_would_refuse_are_dropped_and_each_is_explained()
    {
        var read = Read("jobs?status=Running,Runing,3&sort=size&order=up&sweep=abc&pageSize=500&page=2");

        Assert.Equal("page=2&pageSize=20&status=Running&sort=active&order=asc", read.Query.ToQueryString());
        Assert.Equal(
            [
                "“500” is not a page size from 1 to 100; showing 20 jobs a page.",
                "“size” is not a column the list sorts by; showing running jobs first.",
                "“up” is not an order (asc or desc); sorting ascending.",
                "“Runing” is not a job status; it is left out of the filter.",
                "“3” is not a job status; it is left out of the filter.",
                "“abc” is not a sweep id; the list is not filtered by sweep.",
            ],
            read.Corrections);
    }

    [Fact]
    public void Statuses_are_read_in_any_case_and_once_each()
    {
        var read = Read("jobs?status=running,QUEUED,Running");

        Assert.Equal(["Running", "Queued"], read.Query.Status);
    }

    [Fact]
    public void A_second_click_on_the_sorted_column_turns_its_order_and_another_column_starts_ascending()
    {
        var byName = JobListLinks.SortedBy(new JobListQuery(Page: 4), JobListSort.Name);
        var turned = JobListLinks.SortedBy(byName, JobListSort.Name);
        var byCreation = JobListLinks.SortedBy(turned, JobListSort.CreatedAt);

        Assert.Equal((JobListSort.Name, JobListSort.Ascending, 1), (byName.Sort, byName.Order, byName.Page));
        Assert.Equal((JobListSort.Name, JobListSort.Descending), (turned.Sort, turned.Order));
        Assert.Equal((JobListSort.CreatedAt, JobListSort.Ascending), (byCreation.Sort, byCreation.Order));
        Assert.Equal(JobListSort.Ascending, JobListLinks.SortedBy(turned, JobListSort.Name).Order);
    }

    private static JobListRequest Read(string link)
    {
        var query = link.Contains('?', StringComparison.Ordinal) ? link[link.IndexOf('?', StringComparison.Ordinal)..] : "";
        return JobListRequest.Parse(QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString()));
    }
}
