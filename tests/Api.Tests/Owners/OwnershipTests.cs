using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Owners;

public sealed class OwnershipTests(OwnersFixture owners) : IClassFixture<OwnersFixture>
{
    private readonly HttpClient _alice = owners.Client(owners.Alice.Key.Secret);
    private readonly HttpClient _bob = owners.Client(owners.Bob.Key.Secret);
    private readonly HttpClient _admin = owners.Admin();

    /// <summary>Every read of and action on a job by id, as (method, path under /api/jobs/{id}).</summary>
    public static TheoryData<string, string> JobRoutes => new()
    {
        { "GET", "" }, { "GET", "/metrics" }, { "GET", "/steps" }, { "GET", "/evaluation" }, { "GET", "/pytorch" },
        { "GET", "/attempts" }, { "GET", "/checkpoints" }, { "GET", "/checkpoints/best" }, { "POST", "/predict" },
        { "POST", "/pause" }, { "POST", "/resume" }, { "POST", "/cancel" },
    };

    [Theory]
    [MemberData(nameof(JobRoutes))]
    public async Task A_member_asking_for_another_users_job_gets_the_404_of_an_id_that_does_not_exist(string method, string route)
    {
        var job = await PredictionTestBed.JobWithCheckpointAsync(owners.Api, _alice);
        var missing = Guid.NewGuid();

        var others = await SendAsync(_bob, method, $"/api/jobs/{job}{route}");
        var absent = await SendAsync(_bob, method, $"/api/jobs/{missing}{route}");

        Assert.Equal(HttpStatusCode.NotFound, others.Status);
        Assert.Equal(absent.Status, others.Status);
        Assert.Equal(absent.Body.Replace(missing.ToString(), "ID"), others.Body.Replace(job.ToString(), "ID"));
        Assert.Equal("Queued", JobStatusOf(await _alice.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}")));
    }

    [Theory]
    [MemberData(nameof(JobRoutes))]
    public async Task The_owner_and_an_admin_reach_every_route_of_a_job(string method, string route)
    {
        var job = await PredictionTestBed.JobWithCheckpointAsync(owners.Api, _alice);
        await owners.GiveEvaluationAsync(job);
        if (route == "/resume") Assert.Equal(HttpStatusCode.OK, (await SendAsync(_alice, "POST", $"/api/jobs/{job}/pause")).Status);

        var owner = await SendAsync(_alice, method, $"/api/jobs/{job}{route}");
        var admin = await SendAsync(_admin, method, $"/api/jobs/{job}{route}");

        Assert.True(owner.Status == HttpStatusCode.OK, $"{method} {route} as the owner: {(int)owner.Status} {owner.Body}");
        // Control moved the job on, so the admin's repeat may be a 409; a 404 would mean the admin cannot see it.
        Assert.True(admin.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{method} {route} as an admin: {(int)admin.Status} {admin.Body}");
    }

    [Fact]
    public async Task Lists_show_a_member_their_own_jobs_only_and_an_admin_everyones_with_owner_names()
    {
        var alices = await owners.SubmitAsync(_alice);
        var bobs = await owners.SubmitAsync(_bob);
        var admins = await owners.SubmitAsync(_admin);

        var aliceSees = await ListedAsync(_alice);
        var adminSees = await ListedAsync(_admin);

        Assert.Contains(alices, aliceSees.Keys);
        Assert.DoesNotContain(bobs, aliceSees.Keys);
        Assert.DoesNotContain(admins, aliceSees.Keys);
        Assert.All(aliceSees.Values, owner => Assert.Equal("alice", owner));
        Assert.Equal(aliceSees.Count, (await _alice.GetFromJsonAsync<JsonElement>("/api/jobs?pageSize=100")).GetProperty("totalCount").GetInt32());
        Assert.Equal(("alice", "bob", "test-admin"), (adminSees[alices], adminSees[bobs], adminSees[admins]));
    }

    [Fact]
    public async Task A_job_stored_before_owners_existed_is_the_admins_alone_and_names_no_owner()
    {
        var job = await owners.SubmitAsync(_admin);
        await using (var db = await DbAsync())
        {
            await db.Jobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.OwnerId, (Guid?)null));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync($"/api/jobs/{job}")).StatusCode);
        var shown = await _admin.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}");
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("owner").ValueKind);
    }

    [Fact]
    public async Task A_submitted_job_records_its_owner_and_the_key_it_was_submitted_with()
    {
        var job = await owners.SubmitAsync(_alice);

        await using var db = await DbAsync();
        var stored = await db.Jobs.SingleAsync(j => j.Id == job);
        Assert.Equal((owners.Alice.User.Id, owners.Alice.Key.Key.Id), (stored.OwnerId, stored.ApiKeyId));
        Assert.Equal("alice", (await _alice.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}")).GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Another_users_upload_is_404_to_get_and_delete_and_missing_from_their_list_while_the_admin_sees_it()
    {
        var dataset = await owners.UploadAsync(_alice);

        Assert.Equal(HttpStatusCode.NotFound, (await _bob.GetAsync($"/api/datasets/{dataset}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bob.DeleteAsync($"/api/datasets/{dataset}")).StatusCode);
        Assert.DoesNotContain(dataset, await UploadsListedAsync(_bob));
        Assert.Contains(dataset, await UploadsListedAsync(_alice));
        Assert.Contains(dataset, await UploadsListedAsync(_admin));
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/api/datasets/{dataset}")).StatusCode);
        Assert.NotEmpty((await _bob.GetFromJsonAsync<JsonElement>("/api/datasets")).GetProperty("builtIn").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await _alice.DeleteAsync($"/api/datasets/{dataset}")).StatusCode);
    }

    [Fact]
    public async Task An_upload_records_its_owner_key_and_zip_size()
    {
        var dataset = await owners.UploadAsync(_alice);

        await using var db = await DbAsync();
        var row = await db.DatasetOwners.SingleAsync(o => o.DatasetId == dataset);
        Assert.Equal((owners.Alice.User.Id, owners.Alice.Key.Key.Id, (long)DatasetZips.Pets().Length), (row.OwnerId, row.ApiKeyId, row.UploadBytes));
    }

    [Fact]
    public async Task A_job_on_another_users_upload_is_refused_exactly_as_one_on_an_unknown_id()
    {
        var dataset = await owners.UploadAsync(_alice);
        var missing = Guid.NewGuid();

        var others = await SubmitOnAsync(_bob, dataset);
        var unknown = await SubmitOnAsync(_bob, missing);
        var own = await SubmitOnAsync(_alice, dataset);

        Assert.Equal(HttpStatusCode.BadRequest, others.Status);
        Assert.Equal(unknown.Body.Replace(missing.ToString(), "ID"), others.Body.Replace(dataset.ToString(), "ID"));
        Assert.Equal(HttpStatusCode.Created, own.Status);
    }

    [Fact]
    public async Task The_workers_list_shows_a_job_id_only_to_callers_who_may_see_that_job()
    {
        var job = await owners.SubmitAsync(_alice);
        var name = $"worker-{Guid.NewGuid():N}";
        await using (var db = await DbAsync())
        {
            db.Workers.Add(new WorkerRecord
            {
                Name = name, Host = "host", DeviceKind = "cpu", Version = "test", CpuThreads = 2, State = WorkerState.Busy,
                CurrentJobId = job, LastJobId = job, StartedAt = DateTimeOffset.UtcNow, LastHeartbeat = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        async Task<(JsonElement Current, JsonElement Last)> SeenBy(HttpClient client)
        {
            var listed = (await client.GetFromJsonAsync<JsonElement>("/api/workers")).EnumerateArray().Single(w => w.GetProperty("name").GetString() == name);
            var single = await client.GetFromJsonAsync<JsonElement>($"/api/workers/{name}");
            Assert.Equal(listed.GetProperty("currentJobId").ToString(), single.GetProperty("currentJobId").ToString());
            return (listed.GetProperty("currentJobId"), listed.GetProperty("lastJobId"));
        }

        var bob = await SeenBy(_bob);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (bob.Current.ValueKind, bob.Last.ValueKind));
        Assert.Equal(job, (await SeenBy(_alice)).Current.GetGuid());
        Assert.Equal(job, (await SeenBy(_admin)).Last.GetGuid());
    }

    private static string JobStatusOf(JsonElement job) => job.GetProperty("status").GetString()!;

    private async Task<Dictionary<Guid, string?>> ListedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/jobs?pageSize=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(j => j.GetProperty("id").GetGuid(), j => j.GetProperty("owner").GetString());

    private static async Task<List<Guid>> UploadsListedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/datasets")).GetProperty("uploaded").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();

    private static async Task<(HttpStatusCode Status, string Body)> SubmitOnAsync(HttpClient client, Guid dataset)
    {
        var spec = JobSpecs.Valid();
        spec["dataset"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "imagefolder", ["id"] = dataset.ToString() };
        spec["model"]!["numClasses"] = 2;
        var response = await client.PostAsJsonAsync("/api/jobs", spec);
        return (response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (path.EndsWith("/predict", StringComparison.Ordinal))
        {
            var image = new ByteArrayContent(PredictionImages.DigitPng("grey"));
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            request.Content = new MultipartFormDataContent { { image, "images", "digit.png" } };
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Trace ids differ per request and say nothing about existence.</summary>
    private static string WithoutTraceId(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");


    private Task<TrainingDbContext> DbAsync() =>
        owners.Api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
}
