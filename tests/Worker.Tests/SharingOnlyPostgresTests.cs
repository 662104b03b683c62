using System.Security.Cryptography;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Training;
using TrainingService.Tests.Shared;

namespace TrainingService.Worker.Tests;

/// <summary>Workers on machines that share only PostgreSQL: checkpoints and uploaded datasets travel through its artifact store.</summary>
public sealed class SharingOnlyPostgresTests
{
    [Fact]
    public async Task A_run_handed_back_on_one_machine_resumes_from_postgres_on_another_with_an_empty_folder_and_ends_as_an_uninterrupted_run()
    {
        await using var machines = await TwoMachines.CreateAsync();
        var first = await machines.StartWorkerAsync("first", RepositoryPaths.DatasetRoot);
        var second = await machines.StartWorkerAsync("second", RepositoryPaths.DatasetRoot);
        var lifecycle = first.Get<JobLifecycle>();
        var queries = first.Get<JobQueries>();
        var spec = SmallJobs.LeNetOnMnistSubset(epochs: 3);
        var whole = await lifecycle.CreateAsync(spec, null, CancellationToken.None);
        Assert.Equal(RunEnding.Succeeded, await second.Get<ITrainingJobRunner>().RunAsync(whole.Id, CancellationToken.None));
        var moved = await lifecycle.CreateAsync(spec, null, CancellationToken.None);

        using var drain = new CancellationTokenSource();
        var run = Task.Run(() => first.Get<ITrainingJobRunner>().RunAsync(moved.Id, drain.Token));
        await WaitUntilAsync(queries, moved.Id, j => j.CurrentEpoch >= 1);
        await drain.CancelAsync();
        Assert.Equal(RunEnding.HandedBack, await run.WaitAsync(TimeSpan.FromSeconds(60)));

        var store = first.Get<IArtifactStore>();
        Assert.IsType<PostgresArtifactStore>(store);
        var handedBack = await CheckpointRowsAsync(queries, moved.Id);
        Assert.Contains(handedBack, c => c.Name == CheckpointNames.Training);
        foreach (var checkpoint in handedBack)
        {
            var stored = await store.StatAsync(ArtifactKeys.ForCheckpoint(checkpoint.RelativePath), CancellationToken.None);
            Assert.Equal((checkpoint.SizeBytes, checkpoint.Sha256), (stored!.SizeBytes, stored.Sha256));
        }
        Directory.Delete(first.CheckpointRoot, recursive: true);
        Assert.Empty(Directory.EnumerateFileSystemEntries(second.CheckpointRoot, $"{moved.Id:N}"));

        Assert.Equal(RunEnding.Succeeded, await second.Get<ITrainingJobRunner>().RunAsync(moved.Id, CancellationToken.None));

        var (a, b) = ((await queries.FindAsync(whole.Id, CancellationToken.None))!, (await queries.FindAsync(moved.Id, CancellationToken.None))!);
        Assert.Equal(JobStatus.Succeeded, b.Status);
        Assert.Equal((a.TestLoss, a.TestAccuracy, a.BestEpoch), (b.TestLoss, b.TestAccuracy, b.BestEpoch));
        Assert.Equal((await queries.CheckpointAsync(whole.Id, CheckpointNames.Last, CancellationToken.None))!.Sha256,
            (await queries.CheckpointAsync(moved.Id, CheckpointNames.Last, CancellationToken.None))!.Sha256);
        var attempts = await queries.AttemptsAsync(moved.Id, CancellationToken.None);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].StartStep > 0, "the second machine started where the first left off");
        var final = await CheckpointRowsAsync(queries, moved.Id);
        Assert.Equal(final.Select(c => ArtifactKeys.ForCheckpoint(c.RelativePath)).Order(StringComparer.Ordinal),
            await store.ListAsync(ArtifactKeys.CheckpointFolder(moved.Id), CancellationToken.None));
        foreach (var checkpoint in final)
        {
            await using var content = (await store.OpenReadAsync(ArtifactKeys.ForCheckpoint(checkpoint.RelativePath), CancellationToken.None))!;
            Assert.Equal(checkpoint.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
        }
    }

    [Fact]
    public async Task A_dataset_imported_on_the_api_machine_trains_on_a_worker_whose_dataset_folder_is_empty()
    {
        await using var machines = await TwoMachines.CreateAsync();
        var worker = await machines.StartWorkerAsync("worker");
        var apiDatasets = machines.NewFolder("api-datasets");
        var store = worker.Get<IArtifactStore>();
        var apiCatalog = new ImageFolderCatalog(apiDatasets);
        var importer = new ImageFolderImporter(apiCatalog, new ImageFolderLimits(), TimeProvider.System,
            new ImageFolderArtifacts(store, new ArtifactCache(store), apiCatalog));
        ImageFolderManifest manifest;
        await using (var zip = new MemoryStream(PetsZip()))
        {
            manifest = await importer.ImportAsync(zip, new ImageFolderImportRequest("pets"), CancellationToken.None);
        }
        var spec = new TrainingJobSpec("pets on another machine", new ModelSpec("simplecnn", 2),
            new DatasetSpec(UploadedImageFolders.Name, 0.2, Id: manifest.Id), new Hyperparameters(1, 4, 0.01, "sgd", 0.9, 0, 7));
        var job = await worker.Get<JobLifecycle>().CreateAsync(spec, null, CancellationToken.None);
        Assert.Empty(Directory.EnumerateFileSystemEntries(DatasetRootOf(worker)));

        Assert.Equal(RunEnding.Succeeded, await worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None));

        var stored = (await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None))!;
        Assert.Equal(JobStatus.Succeeded, stored.Status);
        var workerFolder = new ImageFolderCatalog(DatasetRootOf(worker)).FolderFor(manifest.Id);
        foreach (var file in new[] { ImageFolderDatasetSource.TrainFile, ImageFolderDatasetSource.TestFile, "dataset.json" })
        {
            var apiCopy = await File.ReadAllBytesAsync(Path.Combine(apiCatalog.FolderFor(manifest.Id), file));
            Assert.Equal(apiCopy, await File.ReadAllBytesAsync(Path.Combine(workerFolder, file)));
        }
    }

    [Fact]
    public async Task A_worker_holding_other_bytes_for_an_uploaded_dataset_replaces_them_with_the_stored_ones()
    {
        await using var machines = await TwoMachines.CreateAsync();
        var worker = await machines.StartWorkerAsync("worker");
        var store = worker.Get<IArtifactStore>();
        var apiCatalog = new ImageFolderCatalog(machines.NewFolder("api-datasets"));
        var importer = new ImageFolderImporter(apiCatalog, new ImageFolderLimits(), TimeProvider.System,
            new ImageFolderArtifacts(store, new ArtifactCache(store), apiCatalog));
        ImageFolderManifest manifest;
        await using (var zip = new MemoryStream(PetsZip()))
        {
            manifest = await importer.ImportAsync(zip, new ImageFolderImportRequest("pets"), CancellationToken.None);
        }
        var workerCatalog = new ImageFolderCatalog(DatasetRootOf(worker));
        Directory.CreateDirectory(workerCatalog.FolderFor(manifest.Id));
        await File.WriteAllBytesAsync(Path.Combine(workerCatalog.FolderFor(manifest.Id), ImageFolderDatasetSource.TrainFile), [1, 2, 3]);

        await worker.Get<ImageFolderArtifacts>().EnsureLocalAsync(new DatasetSpec(UploadedImageFolders.Name, 0.2, Id: manifest.Id), CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(apiCatalog.FolderFor(manifest.Id), ImageFolderDatasetSource.TrainFile)),
            await File.ReadAllBytesAsync(Path.Combine(workerCatalog.FolderFor(manifest.Id), ImageFolderDatasetSource.TrainFile)));
        Assert.Equal(manifest.ClassNames, workerCatalog.Get(manifest.Id).ClassNames);
        await worker.Get<ImageFolderArtifacts>().DeleteAsync(manifest.Id, CancellationToken.None);
        Assert.Empty(await store.ListAsync($"datasets/imagefolder/{manifest.Id:D}/", CancellationToken.None));
    }

    private static string DatasetRootOf(TwoMachines.Machine machine) =>
        machine.Get<Microsoft.Extensions.Options.IOptions<Core.StorageOptions>>().Value.DatasetRoot;

    private static async Task<IReadOnlyList<CheckpointRecord>> CheckpointRowsAsync(JobQueries queries, Guid jobId)
    {
        var rows = new List<CheckpointRecord>();
        foreach (var name in new[] { CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training })
        {
            if (await queries.CheckpointAsync(jobId, name, CancellationToken.None) is { } row) rows.Add(row);
        }
        return rows;
    }

    /// <summary>cat and dog, six 32x32 RGB noise images each for training and two each for testing.</summary>
    private static byte[] PetsZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var seed = 0;
            foreach (var (split, count) in new[] { ("train", 6), ("test", 2) })
            {
                foreach (var pet in new[] { "cat", "dog" })
                {
                    for (var i = 0; i < count; i++)
                    {
                        var random = new Random(seed++);
                        var png = PngFiles.RgbPng(32, 32, (_, _) => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
                        using var entry = zip.CreateEntry($"{split}/{pet}/{i}.png").Open();
                        entry.Write(png);
                    }
                }
            }
        }
        return buffer.ToArray();
    }

    private static async Task WaitUntilAsync(JobQueries queries, Guid jobId, Func<TrainingJob, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await queries.FindAsync(jobId, CancellationToken.None) is { } job && condition(job)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Job {jobId} never reached the awaited state.");
    }
}
