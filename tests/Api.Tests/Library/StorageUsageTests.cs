using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Api.Tests.Owners;
using TrainingService.Contracts.Storage;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Library;

/// <summary><c>GET /api/storage</c>: a member counts their own checkpoints and uploads, an admin everyone's.</summary>
public sealed class StorageUsageTests(OwnersFixture owners) : IClassFixture<OwnersFixture>
{
    [Fact]
    public async Task A_member_sees_the_bytes_of_their_own_checkpoints_and_uploads_and_an_admin_sees_everyones()
    {
        var alice = owners.Client(owners.Alice.Key.Secret);
        var bob = owners.Client(owners.Bob.Key.Secret);
        var before = await UsageAsync(owners.Admin());
        var job = await PredictionTestBed.JobWithCheckpointAsync(owners.Api, alice);
        await owners.UploadAsync(alice);
        long checkpointBytes;
        await using (var db = await owners.Api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync())
        {
            checkpointBytes = await db.Checkpoints.Where(c => c.JobId == job).SumAsync(c => c.SizeBytes);
        }

        var forAlice = await UsageAsync(alice);
        var forBob = await UsageAsync(bob);
        var forAdmin = await UsageAsync(owners.Admin());

        Assert.True(checkpointBytes > 0);
        Assert.Equal((checkpointBytes, 1, 1), (forAlice.CheckpointBytes, forAlice.CheckpointFiles, forAlice.Datasets));
        Assert.True(forAlice.DatasetBytes > 0);
        Assert.Equal((0L, 0, 0L, 0), (forBob.CheckpointBytes, forBob.CheckpointFiles, forBob.DatasetBytes, forBob.Datasets));
        Assert.Equal(before.CheckpointBytes + checkpointBytes, forAdmin.CheckpointBytes);
        Assert.Equal(before.Datasets + 1, forAdmin.Datasets);
        Assert.Equal(before.DatasetBytes + forAlice.DatasetBytes, forAdmin.DatasetBytes);
        Assert.Equal("folder", forAlice.ArtifactStore);
        Assert.True(forAlice.Retention.Enabled);
        Assert.Equal(30, forAlice.Retention.TrainingCheckpointDays);
        Assert.Equal(TimeSpan.FromHours(1), forAlice.Retention.Interval);
    }

    private static async Task<StorageUsageResource> UsageAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<StorageUsageResource>("/api/storage", Core.Jobs.JobSpecJson.Options))!;
}
