using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests;

public sealed class TrainingAJobEndToEndTests
{
    private static readonly string[] LeNetKeys = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
        "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"];

    [Fact]
    public async Task A_job_submitted_over_rest_trains_on_the_worker_streams_its_epochs_and_downloads_as_pytorch_weights()
    {
        await using var database = await TestDatabase.CreateAsync();
        var checkpoints = Directory.CreateTempSubdirectory("e2e-checkpoints-");
        var port = ServiceProcess.FreePort();
        var api = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = database.ConnectionString,
            ["StorageOptions__CheckpointRoot"] = checkpoints.FullName,
            ["StorageOptions__DatasetRoot"] = RepositoryPaths.DatasetRoot,
            ["TrainingOptions__Device"] = "cpu",
        };
        var key = (await TestAccounts.CreateUserAsync(database.ConnectionString, "e2e-admin", UserRole.Admin)).Key.Secret;
        await using var apiProcess = ServiceProcess.Start("Api", environment, "--urls", api.ToString());
        await apiProcess.WaitUntilHealthyAsync(new Uri(api, "/health"), TimeSpan.FromSeconds(60));
        await using var hub = await HubRecorder.ConnectAsync(new Uri(api, "/hubs/training"), key);
        await hub.Connection.InvokeAsync("JoinAllJobs");
        await using var workerProcess = ServiceProcess.Start("Worker", environment);
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        string Diagnostics() => $"--- api ---\n{apiProcess.Output}\n--- worker ---\n{workerProcess.Output}";

        var submitted = await http.PostAsJsonAsync("/api/jobs", JsonNode.Parse("""
            {"name": "e2e lenet", "model": {"name": "lenet5"},
             "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": 2048, "validationLimit": 512, "testLimit": 512},
             "hyperparameters": {"epochs": 2, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9, "seed": 1}}
            """));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await hub.Connection.InvokeAsync("JoinJob", jobId);

        bool OfJob(JsonElement e) => e.GetProperty("jobId").GetGuid() == jobId;
        var finished = await hub.WaitForAsync("JobStatusChanged",
            e => OfJob(e) && e.GetProperty("status").GetString() is "Succeeded" or "Failed", TimeSpan.FromMinutes(4), Diagnostics);
        Assert.True(finished.GetProperty("status").GetString() == "Succeeded", Diagnostics());

        // Started without glibc's allocator variables, the Worker put them in itself before training (NativeAllocator).
        var allocator = workerProcess.Output.Split('\n').FirstOrDefault(l => l.Contains("allocator MALLOC_ARENA_MAX=", StringComparison.Ordinal));
        Assert.True(allocator is not null && !allocator.Contains("(unset)", StringComparison.Ordinal), Diagnostics());

        var job = await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");
        Assert.InRange(job.GetProperty("result").GetProperty("testAccuracy").GetDouble(), 0.8, 1.0);

        var stored = (await http.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{jobId}/metrics"))!;
        Assert.Equal([1, 2], stored.Select(m => m.GetProperty("epoch").GetInt32()));
        var live = hub.Events.Where(e => e.Name == "EpochCompleted" && OfJob(e.Payload)).Select(e => e.Payload).ToList();
        Assert.Equal([1, 2], live.Select(m => m.GetProperty("epoch").GetInt32()));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(stored[i].GetProperty("trainLoss").GetDouble(), live[i].GetProperty("trainLoss").GetDouble());
            Assert.Equal(stored[i].GetProperty("validationAccuracy").GetDouble(), live[i].GetProperty("validationAccuracy").GetDouble());
        }
        var statuses = hub.Events.Where(e => e.Name == "JobStatusChanged" && OfJob(e.Payload))
            .Select(e => e.Payload.GetProperty("status").GetString()).ToList();
        Assert.Equal(["Queued", "Running", "Succeeded"], statuses.Distinct());
        Assert.Contains(hub.Events, e => e.Name == "BatchProgress" && OfJob(e.Payload));

        var list = await http.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{jobId}/checkpoints");
        var best = list!.Single(c => c.GetProperty("name").GetString() == "best");
        var download = await http.GetAsync(best.GetProperty("downloadUrl").GetString());
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(best.GetProperty("sha256").GetString(), sha);
        Assert.Equal(sha, download.Headers.GetValues("X-Checksum-Sha256").Single());
        var tensors = new PthReader().Read(new MemoryStream(bytes));
        Assert.Equal(LeNetKeys, tensors.Select(t => t.Key));
        Assert.Equal([6L, 1, 5, 5], tensors[0].Shape);
        Assert.Equal([10L, 84], tensors[8].Shape);

        var evaluation = await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/evaluation");
        Assert.Equal(512, evaluation.GetProperty("confusionMatrix").EnumerateArray().Sum(row => row.EnumerateArray().Sum(c => c.GetInt64())));
        Assert.Equal(10, evaluation.GetProperty("report").GetProperty("classes").GetArrayLength());
        var steps = await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/steps?maxPoints=10");
        Assert.Equal(64, steps.GetProperty("totalSteps").GetInt64());
        Assert.InRange(steps.GetProperty("points").GetArrayLength(), 1, 10);
        await PredictionChecks.AssertFileAndPixelPredictionsAgreeAsync(http, jobId);

        var dashboard = await http.GetAsync("/hangfire/jobs/succeeded");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("RunAsync", await dashboard.Content.ReadAsStringAsync());
        checkpoints.Delete(recursive: true);
    }
}
