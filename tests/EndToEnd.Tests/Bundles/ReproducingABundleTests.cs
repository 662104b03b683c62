using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;
using Xunit.Abstractions;

namespace TrainingService.EndToEnd.Tests.Bundles;

/// <summary>
/// Issue 14's bundle check: a job trained by the real Worker on real MNIST, its bundle downloaded from the real Api,
/// and Debian's PyTorch loading the bundle's weights into the bundle's source to evaluate the same test images.
/// </summary>
public sealed class ReproducingABundleTests(ITestOutputHelper output)
{
    private const int TestLimit = 500;

    [SkippableFact]
    public async Task The_bundles_weights_in_the_bundles_source_reproduce_the_stored_test_accuracy_in_pytorch()
    {
        Skip.IfNot(DebianPython.HasTorch, DebianPython.Missing);
        await using var database = await TestDatabase.CreateAsync();
        var checkpoints = Directory.CreateTempSubdirectory("bundle-checkpoints-");
        var unzipped = Directory.CreateTempSubdirectory("bundle-unzipped-");
        var api = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = database.ConnectionString,
            ["StorageOptions__CheckpointRoot"] = checkpoints.FullName,
            ["StorageOptions__DatasetRoot"] = RepositoryPaths.DatasetRoot,
            ["TrainingOptions__Device"] = "cpu",
        };
        var key = (await TestAccounts.CreateUserAsync(database.ConnectionString, "bundle-admin", UserRole.Admin)).Key.Secret;
        await using var apiProcess = ServiceProcess.Start("Api", environment, "--urls", api.ToString());
        await apiProcess.WaitUntilHealthyAsync(new Uri(api, "/health"), TimeSpan.FromSeconds(60));
        await using var workerProcess = ServiceProcess.Start("Worker", environment);
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        string Diagnostics() => $"--- api ---\n{apiProcess.Output}\n--- worker ---\n{workerProcess.Output}";

        var submitted = await http.PostAsJsonAsync("/api/jobs", JsonNode.Parse($$$"""
            {"name": "bundle lenet", "model": {"name": "lenet5"},
             "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": 1024, "validationLimit": 256, "testLimit": {{{TestLimit}}}},
             "hyperparameters": {"epochs": 2, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9, "seed": 3}}
            """));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var status = "";
        for (var deadline = DateTime.UtcNow.AddMinutes(5); DateTime.UtcNow < deadline && status is not ("Succeeded" or "Failed" or "Cancelled");)
        {
            await Task.Delay(1000);
            status = (await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("status").GetString()!;
        }
        Assert.True(status == "Succeeded", $"the job ended {status}\n{Diagnostics()}");

        var response = await http.GetAsync($"/api/jobs/{jobId}/bundle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using (var zip = await response.Content.ReadAsStreamAsync())
        {
            ZipFile.ExtractToDirectory(zip, unzipped.FullName);
        }
        var evaluation = await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/evaluation");
        var matrix = evaluation.GetProperty("confusionMatrix").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        var storedCorrect = Enumerable.Range(0, matrix.Length).Sum(i => matrix[i][i]);
        Assert.Equal(TestLimit, evaluation.GetProperty("count").GetInt64());

        foreach (var weights in new[] { "weights.safetensors", "weights.pth" })
        {
            var run = DebianPython.Run(unzipped.FullName, "evaluate.py", Path.Combine(RepositoryPaths.DatasetRoot, "mnist"), "--weights", weights);
            Assert.True(run.ExitCode == 0, $"evaluate.py --weights {weights} exited {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
            var result = JsonDocument.Parse(run.Stdout).RootElement;
            var correct = result.GetProperty("correct").GetInt64();
            output.WriteLine($"{weights}: PyTorch {correct}/{result.GetProperty("count").GetInt64()} correct, loss {result.GetProperty("loss").GetDouble():R}; " +
                $"stored {storedCorrect}/{TestLimit}, loss {evaluation.GetProperty("loss").GetDouble():R}");
            Assert.Equal(TestLimit, result.GetProperty("count").GetInt64());
            // Exactly equal is what runs give; one image either way is allowed for a float difference flipping a borderline prediction.
            Assert.InRange(correct, storedCorrect - 1, storedCorrect + 1);
            Assert.Equal(evaluation.GetProperty("loss").GetDouble(), result.GetProperty("loss").GetDouble(), 1e-3);
        }

        unzipped.Delete(recursive: true);
        checkpoints.Delete(recursive: true);
    }
}
