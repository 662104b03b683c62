using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests.Owners;

/// <summary>
/// The Api on a database and dataset root of its own, with two members (Alice and Bob), the admin every default
/// client signs in as, and a member whose only key is revoked.
/// </summary>
public class OwnersFixture : IAsyncLifetime
{
    private readonly UploadingApiFactory _uploading;

    public OwnersFixture() : this(new Dictionary<string, string>()) { }

    protected OwnersFixture(IReadOnlyDictionary<string, string> settings, bool kestrel = false) =>
        _uploading = new UploadingApiFactory { Settings = settings, Kestrel = kestrel };

    public WebApplicationFactory<Program> Api => _uploading.Api;

    public string ConnectionString => _uploading.Database.ConnectionString;

    public CreatedUser Alice { get; private set; } = null!;

    public CreatedUser Bob { get; private set; } = null!;

    public string RevokedKey { get; private set; } = null!;

    /// <summary>An admin of its own, for clients that are not made by the factory (hub connections).</summary>
    public CreatedUser Root { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await _uploading.InitializeAsync();
        Alice = await CreateUserAsync("alice");
        Bob = await CreateUserAsync("bob");
        Root = await CreateUserAsync("root", UserRole.Admin);
        var revoked = await CreateUserAsync("carol");
        await TestAccounts.Store(ConnectionString).RevokeKeyAsync(revoked.Key.Key.Id, null, CancellationToken.None);
        RevokedKey = revoked.Key.Secret;
    }

    public Task<CreatedUser> CreateUserAsync(string name, UserRole role = UserRole.Member) =>
        TestAccounts.CreateUserAsync(ConnectionString, name, role);

    /// <summary>A client that sends <paramref name="key"/>, or no key at all when it is null.</summary>
    public HttpClient Client(string? key) => Api.CreateClient().Sending(key);

    public HttpClient Admin() => Api.CreateClient();

    public async Task<Guid> SubmitAsync(HttpClient client, JsonObject? spec = null)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", spec ?? JobSpecs.Valid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> UploadAsync(HttpClient client, string name = "pets")
    {
        var response = await client.PostAsync("/api/datasets", DatasetForm(DatasetZips.Pets(), name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Stores a test evaluation on the job, as a successful run would, so that its evaluation route answers 200.</summary>
    public async Task GiveEvaluationAsync(Guid job)
    {
        string[] classes = ["a", "b"];
        long[][] confusion = [[1, 0], [0, 1]];
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        await db.Jobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.Evaluation,
            new TestEvaluation(1, 0.5, 1, null, 2, classes, ClassificationReport.From(confusion, classes), confusion)));
    }

    public static MultipartFormDataContent DatasetForm(byte[] zip, string name)
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "file", "upload.zip" }, { new StringContent(name), "name" } };
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)_uploading).DisposeAsync();
}
