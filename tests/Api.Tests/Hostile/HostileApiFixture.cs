using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// The real Api behind real Kestrel (whose request limits and URL checks the in-memory test server lacks), on a
/// database of its own with a private dataset root, holding one queued LeNet-5 job whose best checkpoint is a
/// real (untrained) state dict, so that prediction requests get as far as the images.
/// </summary>
public sealed class HostileApiFixture : IAsyncLifetime
{
    private readonly UploadingApiFactory _uploading = new() { Kestrel = true };

    public WebApplicationFactory<Program> Api => _uploading.Api;

    public Guid JobId { get; private set; }

    public string CheckpointRoot => Api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.StorageOptions>>().Value.CheckpointRoot;

    public async Task InitializeAsync()
    {
        await _uploading.InitializeAsync();
        var created = await Api.CreateClient().PostAsJsonAsync("/api/jobs", JobSpecs.Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JobId = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        var lenet = ModelRegistry.CreateDefault().Get("lenet5");
        using var model = lenet.Build(lenet.DefaultOptions);
        var relative = Path.Combine(JobId.ToString("N"), "best.pth");
        var file = await new CheckpointWriter().WriteAsync(Path.Combine(CheckpointRoot, relative), StateDictConversion.FromModule(model), CancellationToken.None);
        using var scope = Api.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.Checkpoints.Add(new CheckpointRecord
        {
            JobId = JobId, Name = CheckpointNames.Best, Epoch = 1, RelativePath = relative,
            SizeBytes = file.SizeBytes, Sha256 = file.Sha256, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>What the service has stored: rows of every table a request could add to, and every file under its roots.</summary>
    public async Task<string> FootprintAsync()
    {
        using var scope = Api.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        var rows = $"jobs={await db.Jobs.CountAsync()} checkpoints={await db.Checkpoints.CountAsync()} "
            + $"epochs={await db.EpochMetrics.CountAsync()} attempts={await db.Attempts.CountAsync()}";
        var files = Directory.EnumerateFiles(CheckpointRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(CheckpointRoot, path)).Order(StringComparer.Ordinal);
        return $"{rows}\ncheckpoint files: {string.Join(", ", files)}\nupload folder: {string.Join(", ", _uploading.UploadFolderEntries())}";
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)_uploading).DisposeAsync();
}
