using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Api.Tests;

/// <summary>An Api with the PostgreSQL artifact store shares every upload it imports with workers that have only the database.</summary>
public sealed class UploadsInPostgresTests(UploadingApiFactory uploading) : IClassFixture<UploadingApiFactory>
{
    [Fact]
    public async Task An_imported_upload_is_in_postgres_file_for_file_with_the_sha256_of_the_apis_own_copy()
    {
        await using var api = uploading.Api.WithWebHostBuilder(builder => builder.UseSetting("ArtifactStore:Backend", ArtifactStoreOptions.PostgresBackend));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DatasetZips.Pets());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "pets.zip");
        form.Add(new StringContent("pets"), "name");

        var response = await api.CreateClient().PostAsync("/api/datasets", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var store = api.Services.GetRequiredService<IArtifactStore>();
        var folder = Path.Combine(uploading.UploadFolder, id.ToString("D"));
        var keys = new[] { ImageFolderDatasetSource.TrainFile, ImageFolderDatasetSource.TestFile, "dataset.json" }
            .Select(name => ($"datasets/imagefolder/{id:D}/{name}", Path.Combine(folder, name))).ToArray();
        Assert.Equal(keys.Select(k => k.Item1).Order(StringComparer.Ordinal), await store.ListAsync($"datasets/imagefolder/{id:D}/", CancellationToken.None));
        foreach (var (key, local) in keys)
        {
            var bytes = await File.ReadAllBytesAsync(local);
            Assert.Equal(new ArtifactInfo(key, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), await store.StatAsync(key, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Deleting_an_upload_removes_it_from_the_postgres_store_so_no_worker_fetches_it_again()
    {
        await using var api = uploading.Api.WithWebHostBuilder(builder => builder.UseSetting("ArtifactStore:Backend", ArtifactStoreOptions.PostgresBackend));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DatasetZips.Pets());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "pets.zip");
        form.Add(new StringContent("pets to delete"), "name");
        var client = api.CreateClient();
        var id = (await (await client.PostAsync("/api/datasets", form)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var store = api.Services.GetRequiredService<IArtifactStore>();
        Assert.NotEmpty(await store.ListAsync($"datasets/imagefolder/{id:D}/", CancellationToken.None));

        var deleted = await client.DeleteAsync($"/api/datasets/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await store.ListAsync($"datasets/imagefolder/{id:D}/", CancellationToken.None));
    }
}
