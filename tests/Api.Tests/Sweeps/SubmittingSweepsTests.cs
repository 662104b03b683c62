using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Jobs;

namespace TrainingService.Api.Tests.Sweeps;

/// <summary>POST /api/sweeps and reading a sweep back, against the real Api and PostgreSQL; no worker runs, so trials stay queued.</summary>
public sealed class SubmittingSweepsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<SweepResource> SubmitAsync(HttpClient client, JsonObject sweep)
    {
        var response = await client.PostAsJsonAsync("/api/sweeps", sweep);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<SweepResource>(JobSpecJson.Options))!;
        Assert.Equal($"/api/sweeps/{created.Id}", response.Headers.Location!.OriginalString);
        return created;
    }

    private async Task<IReadOnlyList<SweepTrialResource>> TrialsAsync(HttpClient client, Guid sweep) =>
        (await client.GetFromJsonAsync<IReadOnlyList<SweepTrialResource>>($"/api/sweeps/{sweep}/trials", JobSpecJson.Options))!;

    private async Task<IDictionary<string, string[]>> RefusedAsync(HttpContent content)
    {
        var response = await _client.PostAsync("/api/sweeps", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors;
    }

    [Fact]
    public async Task A_submitted_sweep_reads_back_with_its_defaults_and_its_first_trials_queued()
    {
        var created = await SubmitAsync(_client, SweepSpecs.Valid());

        var read = (await _client.GetFromJsonAsync<SweepResource>($"/api/sweeps/{created.Id}", JobSpecJson.Options))!;
        Assert.Equal(("lr sweep", SweepStatus.Running), (read.Name, read.Status));
        Assert.Equal(("grid", 4, 2, "validation_accuracy", "max", 0L), (read.Definition.Method, read.Definition.MaxTrials, read.Definition.MaxConcurrent,
            read.Definition.Metric, read.Definition.Mode, read.Definition.Seed));
        Assert.Equal(new SweepTrialCounts(4, 2, 2, 0, 0, 0, 0, 0), read.Trials);
        var trials = await TrialsAsync(_client, created.Id);
        Assert.Equal([1, 2], trials.Select(t => t.TrialNumber));
        Assert.Equal([0.1, 0.05], trials.Select(t => t.Parameters["hyperparameters.learningRate"].GetDouble()));
        Assert.All(trials, t => Assert.Equal("Queued", t.Status));
        var job = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{trials[1].JobId}");
        Assert.Equal("lr sweep #2", job.GetProperty("name").GetString());
        Assert.Equal(0.05, job.GetProperty("spec").GetProperty("hyperparameters").GetProperty("learningRate").GetDouble());
        var page = (await _client.GetFromJsonAsync<SweepPage>("/api/sweeps?pageSize=100", JobSpecJson.Options))!;
        Assert.Equal(created.Id, page.Items[0].Id);
        Assert.Empty(await _client.GetFromJsonAsync<IReadOnlyList<SweepRungResource>>($"/api/sweeps/{created.Id}/rungs", JobSpecJson.Options) ?? []);
    }

    [Fact]
    public async Task Bad_search_spaces_are_refused_with_every_field_named()
    {
        var sweep = SweepSpecs.Valid();
        sweep["parameters"]!["hyperparameters.learningRat"] = new JsonObject { ["values"] = new JsonArray(0.1) };
        sweep["parameters"]!["hyperparameters.batchSize"] = new JsonObject { ["values"] = new JsonArray(32, 0) };
        sweep["maxConcurrent"] = 99;
        sweep["base"]!["hyperparameters"]!["epochs"] = 0;

        var errors = await RefusedAsync(JsonContent.Create(sweep));

        Assert.Contains("parameters.hyperparameters.learningRat", errors.Keys);
        Assert.Contains("maxConcurrent", errors.Keys);
        Assert.DoesNotContain("parameters.hyperparameters.batchSize.values[1]", errors.Keys);
    }

    [Fact]
    public async Task A_value_that_makes_an_invalid_job_is_named_and_so_is_a_bad_base()
    {
        var sweep = SweepSpecs.Valid();
        sweep["parameters"]!["hyperparameters.batchSize"] = new JsonObject { ["values"] = new JsonArray(32, 0) };
        Assert.Contains("parameters.hyperparameters.batchSize.values[1]", (await RefusedAsync(JsonContent.Create(sweep))).Keys);

        var badBase = SweepSpecs.Valid();
        badBase["base"]!["dataset"]!["name"] = "nope";
        Assert.Contains("base.dataset.name", (await RefusedAsync(JsonContent.Create(badBase))).Keys);
    }

    [Fact]
    public async Task Bodies_that_do_not_bind_are_problems_naming_the_field()
    {
        Assert.Contains("is not valid JSON", (await RefusedAsync(new StringContent("{\"name\": ", Encoding.UTF8, "application/json"))).Values.Single()[0]);
        var unknown = SweepSpecs.Valid();
        unknown["colour"] = "red";
        Assert.Equal(["is not a known field."], (await RefusedAsync(JsonContent.Create(unknown)))["colour"]);
        var wrongType = SweepSpecs.Valid();
        wrongType["maxTrials"] = "many";
        Assert.Contains("maxTrials", (await RefusedAsync(JsonContent.Create(wrongType))).Keys);
        var wrongBaseType = SweepSpecs.Valid();
        wrongBaseType["base"]!["hyperparameters"]!["batchSize"] = "big";
        Assert.Equal(["must be a whole number."], (await RefusedAsync(JsonContent.Create(wrongBaseType)))["base.hyperparameters.batchSize"]);
    }

    [Fact]
    public async Task Another_users_sweep_is_not_found_and_not_listed()
    {
        var alice = api.CreateClientWithKey((await api.CreateUserAsync($"alice-{Guid.NewGuid():N}")).Key.Secret);
        var bob = api.CreateClientWithKey((await api.CreateUserAsync($"bob-{Guid.NewGuid():N}")).Key.Secret);
        var created = await SubmitAsync(alice, SweepSpecs.Valid());

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/sweeps/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/sweeps/{created.Id}/trials")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/sweeps/{created.Id}/cancel", null)).StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<SweepPage>("/api/sweeps", JobSpecJson.Options))!.Items);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/sweeps/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_sweep_cancels_its_queued_trials_and_a_second_cancel_conflicts()
    {
        var created = await SubmitAsync(_client, SweepSpecs.Valid());

        var response = await _client.PostAsync($"/api/sweeps/{created.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = (await response.Content.ReadFromJsonAsync<SweepResource>(JobSpecJson.Options))!;
        Assert.Equal(SweepStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.FinishedAt);
        var trials = await TrialsAsync(_client, created.Id);
        Assert.All(trials, t => Assert.Equal(("Cancelled", "sweep cancelled"), (t.Status, t.StatusReason)));
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/api/sweeps/{created.Id}/cancel", null)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, (await TrialsAsync(_client, created.Id)).Count);
    }

    [Fact]
    public async Task When_a_trial_ends_the_next_is_created_and_no_more_than_maxConcurrent_are_ever_unfinished()
    {
        var created = await SubmitAsync(_client, SweepSpecs.Valid(values: 4, maxConcurrent: 2));
        var seen = new List<IReadOnlyList<SweepTrialResource>>();

        for (var ended = 0; ended < 4; ended++)
        {
            var trials = await WaitForAsync(created.Id, t => t.Count(x => x.Status == "Queued") == Math.Min(2, 4 - ended));
            seen.Add(trials);
            var next = trials.First(t => t.Status == "Queued");
            Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/api/jobs/{next.JobId}/cancel", null)).StatusCode);
        }
        var sweep = await WaitForSweepAsync(created.Id, s => s.Status != SweepStatus.Running);

        Assert.All(seen, trials => Assert.True(trials.Count(t => t.Status == "Queued") <= 2));
        Assert.Equal([2, 3, 4, 4], seen.Select(t => t.Count));
        Assert.Equal(SweepStatus.Completed, sweep.Status);
        Assert.Equal(new SweepTrialCounts(4, 4, 0, 0, 0, 0, 4, 0), sweep.Trials);
    }

    private async Task<IReadOnlyList<SweepTrialResource>> WaitForAsync(Guid sweep, Func<IReadOnlyList<SweepTrialResource>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var trials = await TrialsAsync(_client, sweep);
            if (condition(trials)) return trials;
            await Task.Delay(100, timeout.Token);
        }
    }

    private async Task<SweepResource> WaitForSweepAsync(Guid id, Func<SweepResource, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var sweep = (await _client.GetFromJsonAsync<SweepResource>($"/api/sweeps/{id}", JobSpecJson.Options))!;
            if (condition(sweep)) return sweep;
            await Task.Delay(100, timeout.Token);
        }
    }
}
