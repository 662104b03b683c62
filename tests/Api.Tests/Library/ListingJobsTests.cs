using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;
using static TrainingService.Api.Tests.Library.JobListFixture;

namespace TrainingService.Api.Tests.Library;

/// <summary>
/// <c>GET /api/jobs</c> over 300 seeded jobs: every filter and sort returns exactly the ids the seeded rows say, in
/// order, for an admin (everyone's) and for a member (their own); every bad parameter is a 400 naming it.
/// </summary>
public sealed class ListingJobsTests(JobListFixture jobs) : IClassFixture<JobListFixture>
{
    private static readonly Dictionary<JobStatus, int> ActiveRank = new()
    {
        [JobStatus.Running] = 0, [JobStatus.Paused] = 1, [JobStatus.Queued] = 2,
        [JobStatus.Succeeded] = 3, [JobStatus.Failed] = 3, [JobStatus.Cancelled] = 3,
    };

    [Fact]
    public async Task By_default_running_jobs_come_first_then_paused_then_queued_then_finished_ones_each_newest_first()
    {
        var expected = Newest(jobs.Jobs.OrderBy(j => ActiveRank[j.Job.Status])).ToList();

        var first = await PageAsync(jobs.Root.Key.Secret, new JobListQuery());
        var third = await PageAsync(jobs.Root.Key.Secret, new JobListQuery(Page: 3, PageSize: 50));

        Assert.Equal(300, first.Total);
        Assert.Equal(Ids(expected.Take(20)), first.Ids);
        Assert.Equal(Ids(expected.Skip(100).Take(50)), third.Ids);
        Assert.Equal(JobStatus.Running.ToString(), first.Items[0].GetProperty("status").GetString());
    }

    public static TheoryData<string> Filters => new()
    {
        "status", "model", "dataset+status", "tag", "sweep", "text", "text-wildcards", "underscore", "everything",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_returns_exactly_the_matching_jobs_for_an_admin_and_only_their_own_for_a_member(string filter)
    {
        var (query, matches) = Filter(filter);
        foreach (var (key, owner) in new[] { (jobs.Root.Key.Secret, (string?)null), (jobs.Alice.Key.Secret, "alice") })
        {
            var expected = Newest(jobs.Jobs.Where(matches).Where(j => owner is null || j.Owner == owner).OrderBy(j => ActiveRank[j.Job.Status])).ToList();
            var page = await PageAsync(key, query with { PageSize = 100 });

            Assert.True(expected.Count > 0, $"{filter} matches nothing in the seed; the test would prove nothing");
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(Ids(expected.Take(100)), page.Ids);
        }
    }

    public static TheoryData<string, string> Sorts => new()
    {
        { JobListSort.Name, "asc" }, { JobListSort.Name, "desc" }, { JobListSort.Status, "asc" }, { JobListSort.Model, "desc" },
        { JobListSort.Dataset, "asc" }, { JobListSort.Owner, "asc" }, { JobListSort.Owner, "desc" }, { JobListSort.CreatedAt, "asc" },
        { JobListSort.FinishedAt, "desc" }, { JobListSort.Progress, "desc" }, { JobListSort.TestAccuracy, "desc" },
        { JobListSort.TestAccuracy, "asc" }, { JobListSort.Active, "desc" },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Each_sort_orders_by_its_column_with_nulls_last_and_ties_newest_first(string sort, string order)
    {
        var descending = order == "desc";
        var expected = Sorted(jobs.Jobs, sort, descending).ToList();

        var first = await PageAsync(jobs.Root.Key.Secret, new JobListQuery(PageSize: 100, Sort: sort, Order: order));
        var last = await PageAsync(jobs.Root.Key.Secret, new JobListQuery(Page: 3, PageSize: 100, Sort: sort, Order: order));

        Assert.Equal(Ids(expected.Take(100)), first.Ids);
        Assert.Equal(Ids(expected.Skip(200)), last.Ids);
    }

    [Fact]
    public async Task Every_job_resource_carries_its_tags_note_sweep_and_checkpoint_bytes()
    {
        var page = await PageAsync(jobs.Root.Key.Secret, new JobListQuery(PageSize: 100, Sort: JobListSort.CreatedAt));
        var byId = jobs.Jobs.ToDictionary(j => j.Job.Id);

        foreach (var item in page.Items)
        {
            var seeded = byId[item.GetProperty("id").GetGuid()];
            Assert.Equal(seeded.Job.Tags, item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
            Assert.Equal(seeded.Job.Note, item.GetProperty("note").GetString());
            Assert.Equal(seeded.Job.SweepId, item.GetProperty("sweepId").ValueKind == JsonValueKind.Null ? null : item.GetProperty("sweepId").GetGuid());
            Assert.Equal(seeded.CheckpointBytes, item.GetProperty("checkpointBytes").GetInt64());
            Assert.Equal(seeded.Owner, item.GetProperty("owner").GetString());
        }
        Assert.Contains(page.Items, i => i.GetProperty("checkpointBytes").GetInt64() > 0);
    }

    public static TheoryData<string, string, string> BadParameters => new()
    {
        { "status=Running,Done", "status", "'Done' is not a job status" },
        { "status=1", "status", "'1' is not a job status" },
        { "sort=colour", "sort", "must be one of active, name" },
        { "order=up", "order", "must be asc or desc" },
        { "sweep=not-a-guid", "sweep", "must be a sweep id" },
        { "q=a%00b", "q", "control characters" },
        { $"tag={new string('t', 41)}", "tag", "at most 40" },
        { $"model={new string('m', 201)}", "model", "at most 200" },
        { "pageSize=0", "pageSize", "between 1 and 100" },
        { "page=0", "page", "between 1 and" },
        { "page=abc", "page", "whole number" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter, string reason)
    {
        var response = await jobs.Api.CreateClientWithKey(jobs.Root.Key.Secret).GetAsync($"/api/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var reasons), $"no error for '{parameter}' in {errors}");
        Assert.Contains(reason, reasons[0].GetString());
    }

    private (JobListQuery Query, Func<SeededJob, bool> Matches) Filter(string name) => name switch
    {
        "status" => (new JobListQuery(Status: ["running", "Paused"]), j => j.Job.Status is JobStatus.Running or JobStatus.Paused),
        "model" => (new JobListQuery(Model: "AlexNet"), j => j.Job.Spec.Model.Name == "alexnet"),
        "dataset+status" => (new JobListQuery(Dataset: "cifar10", Status: ["Succeeded"]), j => j.Job.Spec.Dataset.Name == "cifar10" && j.Job.Status == JobStatus.Succeeded),
        "tag" => (new JobListQuery(Tag: "BASELINE"), j => j.Job.Tags.Contains("baseline", StringComparer.OrdinalIgnoreCase)),
        "sweep" => (new JobListQuery(Sweep: jobs.SweepA), j => j.Job.SweepId == jobs.SweepA),
        "text" => (new JobListQuery(Text: "needle"), j => Contains(j, "needle")),
        "text-wildcards" => (new JobListQuery(Text: "50%"), j => Contains(j, "50%")),
        "underscore" => (new JobListQuery(Text: "%_"), j => Contains(j, "%_")),
        _ => (new JobListQuery(Status: ["Succeeded", "Failed", "Cancelled"], Model: "resnet20", Text: "job"),
            j => JobStatusTransitions.IsTerminal(j.Job.Status) && j.Job.Spec.Model.Name == "resnet20" && Contains(j, "job")),
    };

    private static bool Contains(SeededJob j, string text) =>
        j.Job.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || (j.Job.Note?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || j.Job.Tags.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<SeededJob> Sorted(IEnumerable<SeededJob> all, string sort, bool descending)
    {
        IOrderedEnumerable<SeededJob> By<T>(Func<SeededJob, T> key, IComparer<T>? comparer = null) =>
            descending ? all.OrderByDescending(key, comparer) : all.OrderBy(key, comparer);
        IOrderedEnumerable<SeededJob> NullsLast<T>(Func<SeededJob, T?> key, IComparer<T?>? comparer = null)
        {
            var nullsLast = all.OrderBy(j => key(j) is null);
            return descending ? nullsLast.ThenByDescending(key, comparer) : nullsLast.ThenBy(key, comparer);
        }
        var ordinal = StringComparer.Ordinal;
        return Newest(sort switch
        {
            JobListSort.Name => By(j => j.Job.Name, ordinal),
            JobListSort.Status => By(j => j.Job.Status.ToString(), ordinal),
            JobListSort.Model => By(j => j.Job.Spec.Model.Name, ordinal),
            JobListSort.Dataset => By(j => j.Job.Spec.Dataset.Name, ordinal),
            JobListSort.Owner => NullsLast(j => j.Owner, ordinal),
            JobListSort.CreatedAt => By(j => j.Job.CreatedAt),
            JobListSort.FinishedAt => NullsLast(j => j.Job.FinishedAt),
            JobListSort.Progress => By(j => (double)j.Job.CurrentEpoch / j.Job.TotalEpochs),
            JobListSort.TestAccuracy => NullsLast(j => j.Job.TestAccuracy),
            _ => By(j => ActiveRank[j.Job.Status]),
        });
    }

    private static IEnumerable<SeededJob> Newest(IOrderedEnumerable<SeededJob> ordered) =>
        ordered.ThenByDescending(j => j.Job.CreatedAt).ThenByDescending(j => j.Job.Id.ToString("D"), StringComparer.Ordinal);

    private static List<Guid> Ids(IEnumerable<SeededJob> rows) => rows.Select(j => j.Job.Id).ToList();

    private async Task<(int Total, List<Guid> Ids, List<JsonElement> Items)> PageAsync(string key, JobListQuery query)
    {
        var response = await jobs.Api.CreateClientWithKey(key).GetAsync($"/api/jobs?{query.ToQueryString()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        return (page.GetProperty("totalCount").GetInt32(), items.Select(i => i.GetProperty("id").GetGuid()).ToList(), items);
    }
}
