using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Library;

/// <summary><c>PATCH /api/jobs/{id}</c>: tags and a note, in any state, checked field by field.</summary>
public sealed class LabellingJobsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Tags_are_trimmed_and_duplicates_that_differ_in_case_are_merged_into_the_first_spelling()
    {
        var job = await SubmitAsync();

        var response = await PatchAsync(job, """{"tags": ["  baseline ", "LR-sweep", "Baseline", "lr-sweep", "final"], "note": "  first try \n"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resource = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["baseline", "LR-sweep", "final"], resource.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal("first try", resource.GetProperty("note").GetString());
        Assert.Equal(resource.GetRawText(), await api.CreateClient().GetStringAsync($"/api/jobs/{job}"));
    }

    [Fact]
    public async Task A_field_left_out_is_kept_an_empty_list_clears_the_tags_and_an_empty_note_clears_the_note()
    {
        var job = await SubmitAsync();
        await PatchAsync(job, """{"tags": ["a", "b"], "note": "keep me"}""");

        var onlyTags = await (await PatchAsync(job, """{"tags": ["c"]}""")).Content.ReadFromJsonAsync<JsonElement>();
        var onlyNote = await (await PatchAsync(job, """{"note": "changed"}""")).Content.ReadFromJsonAsync<JsonElement>();
        var cleared = await (await PatchAsync(job, """{"tags": [], "note": ""}""")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["c"], onlyTags.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal("keep me", onlyTags.GetProperty("note").GetString());
        Assert.Equal(["c"], onlyNote.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal("changed", onlyNote.GetProperty("note").GetString());
        Assert.Empty(cleared.GetProperty("tags").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("note").ValueKind);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { """{"tags": ["ok", "   "]}""", "tags[1]", "1 to 40 characters" },
        { $$"""{"tags": ["{{new string('x', 41)}}"]}""", "tags[0]", "1 to 40 characters" },
        { """{"tags": ["a\u0000b"]}""", "tags[0]", "control characters" },
        { """{"tags": ["ok", null]}""", "tags[1]", "1 to 40 characters" },
        // System.Text.Json refuses a lone surrogate itself; the rules' own check stands behind it.
        { """{"tags": ["\ud800"]}""", "tags[0]", "must be a string" },
        { $$"""{"tags": [{{string.Join(", ", Enumerable.Range(1, 21).Select(i => $"\"t{i}\""))}}]}""", "tags", "at most 20" },
        { $$"""{"note": "{{new string('n', 4001)}}"}""", "note", "at most 4000" },
        { """{"note": "bell\u0007"}""", "note", "control characters" },
        { """{"tag": ["a"]}""", "tag", "not a known field" },
        { """{"tags": "a"}""", "tags", "must be an array" },
        { """{"note": 5}""", "note", "must be a string" },
        { """{"tags": [""", "tags[0]", "not valid JSON" },
        { "null", "$", "must be an object" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_label_update_is_refused_naming_the_field_and_changes_nothing(string body, string field, string reason)
    {
        var job = await SubmitAsync();
        await PatchAsync(job, """{"tags": ["kept"], "note": "kept"}""");
        var before = await api.CreateClient().GetStringAsync($"/api/jobs/{job}");

        var response = await PatchAsync(job, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var reasons), $"no error for '{field}' in {errors}");
        Assert.Contains(reason, reasons[0].GetString());
        Assert.Equal(before, await api.CreateClient().GetStringAsync($"/api/jobs/{job}"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_and_another_users_job_or_an_unknown_id_is_404()
    {
        var job = await SubmitAsync();
        var bob = await api.CreateUserAsync("bob-labels");

        var text = await api.CreateClient().PatchAsync($"/api/jobs/{job}", new StringContent("""{"tags": ["a"]}""", Encoding.UTF8, "text/plain"));
        var others = await api.CreateClientWithKey(bob.Key.Secret).PatchAsync($"/api/jobs/{job}", Json("""{"tags": ["mine"]}"""));
        var unknown = await PatchAsync(Guid.NewGuid(), """{"tags": ["a"]}""");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await others.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Empty((await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/jobs/{job}")).GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Labelling_a_running_job_keeps_everything_its_worker_writes_and_is_announced_with_the_new_labels()
    {
        var job = await SubmitAsync();
        var run = await api.Services.GetRequiredService<JobLifecycle>().TryStartRunAsync(job, "test-worker", CancellationToken.None);
        Assert.NotNull(run);
        await using var listener = await ListenAsync();
        // What the worker writes meanwhile, as its lease renewals do: the label update must not put back an older copy.
        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync())
        {
            await db.Jobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.CurrentEpoch, 3).SetProperty(j => j.WorkerName, "test-worker"));
        }

        var response = await PatchAsync(job, """{"tags": ["live"], "note": "watching it"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resource = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Running", resource.GetProperty("status").GetString());
        Assert.Equal(3, resource.GetProperty("currentEpoch").GetInt32());
        Assert.Equal("test-worker", resource.GetProperty("workerName").GetString());
        var stored = await api.Services.GetRequiredService<JobQueries>().FindAsync(job, CancellationToken.None);
        Assert.Equal(run!.RunId, stored!.RunId);
        var announced = Assert.IsType<JobLabelsChangedEvent>(await listener.NextAsync(e => e.JobId == job && e is JobLabelsChangedEvent));
        Assert.Equal(["live"], announced.Tags);
        Assert.Equal("watching it", announced.Note);
    }

    private Task<Guid> SubmitAsync() => DispatchedJobs.SubmitAsync(api.CreateClient(), JobSpecs.Valid());

    private Task<HttpResponseMessage> PatchAsync(Guid job, string body) => api.CreateClient().PatchAsync($"/api/jobs/{job}", Json(body));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<EventListener> ListenAsync() => await EventListener.StartAsync(api.Database.ConnectionString);
}
