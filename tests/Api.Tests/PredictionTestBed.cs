using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingService.Core;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Training;

namespace TrainingService.Api.Tests;

/// <summary>An MNIST job with a real (untrained, seeded) best checkpoint of its own network, as training would store it.</summary>
internal static class PredictionTestBed
{
    public static Task<Guid> JobWithCheckpointAsync(ApiFactory api) => JobWithCheckpointAsync(api, api.CreateClient());

    /// <summary>The job is submitted by <paramref name="client"/>, so it belongs to whoever that client signs in as.</summary>
    public static async Task<Guid> JobWithCheckpointAsync(WebApplicationFactory<Program> api, HttpClient client)
    {
        var id = await DispatchedJobs.SubmitAsync(client, JobSpecs.Valid());
        await WriteBestCheckpointAsync(api, id, seed: 9);
        return id;
    }

    /// <summary>
    /// Writes (or overwrites, as a later epoch of training would) the job's best checkpoint with the untrained weights
    /// drawn from <paramref name="seed"/>, and points its row at the new file and hash.
    /// </summary>
    public static async Task WriteBestCheckpointAsync(WebApplicationFactory<Program> api, Guid id, int seed, int epoch = 1)
    {
        var checkpointRoot = api.Services.GetRequiredService<IOptions<StorageOptions>>().Value.CheckpointRoot;
        var stored = await api.Services.GetRequiredService<JobQueries>().FindAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"job {id} was not stored");
        var dataset = api.Services.GetRequiredService<Predictor>().DatasetOf(stored.Spec, stored.Resolution);
        var network = stored.Resolution?.Network
            ?? api.Services.GetRequiredService<NetworkPlanner>().Plan(stored.Spec.Model, dataset, stored.Spec.Dataset.Transforms, new ValidationErrors())!.Network;
        TorchSharp.torch.manual_seed(seed);
        using var model = ModuleBuilder.Build(network);
        var relative = Path.Combine(id.ToString("N"), "best.pth");
        var file = await new CheckpointWriter().WriteAsync(Path.Combine(checkpointRoot, relative), StateDictConversion.FromModule(model), CancellationToken.None);

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        var row = await db.Checkpoints.SingleOrDefaultAsync(c => c.JobId == id && c.Name == CheckpointNames.Best);
        if (row is null)
        {
            row = new CheckpointRecord { JobId = id, Name = CheckpointNames.Best, RelativePath = relative, Sha256 = file.Sha256 };
            db.Checkpoints.Add(row);
        }
        row.Epoch = epoch;
        row.RelativePath = relative;
        row.SizeBytes = file.SizeBytes;
        row.Sha256 = file.Sha256;
        row.CreatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Everything a prediction could change: the files under the checkpoint root and the job as the Api shows it,
    /// less what the supervisor may change meanwhile (a queued job's waiting reason, and its update time with it).
    /// </summary>
    public static async Task<string> StateAsync(ApiFactory api, Guid id)
    {
        var files = Directory.EnumerateFiles(api.CheckpointRoot, "*", SearchOption.AllDirectories)
            .Select(path => $"{Path.GetRelativePath(api.CheckpointRoot, path)}:{new FileInfo(path).Length}").Order(StringComparer.Ordinal);
        var resource = JsonNode.Parse(await api.CreateClient().GetStringAsync($"/api/jobs/{id}"))!.AsObject();
        resource.Remove("updatedAt");
        resource.Remove("statusReason");
        var job = resource.ToJsonString();
        var checkpoints = await api.CreateClient().GetStringAsync($"/api/jobs/{id}/checkpoints");
        return string.Join("\n", files.Append(job).Append(checkpoints));
    }
}
