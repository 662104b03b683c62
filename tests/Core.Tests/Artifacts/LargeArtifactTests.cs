using System.Security.Cryptography;
using TrainingService.Core.Artifacts;

namespace TrainingService.Core.Tests.Artifacts;

/// <summary>Alone, so that the process's peak memory is this test's own.</summary>
[CollectionDefinition(nameof(LargeArtifactTests), DisableParallelization = true)]
public sealed class LargeArtifactCollection;

[Collection(nameof(LargeArtifactTests))]
public sealed class LargeArtifactTests(ArtifactStores stores) : IClassFixture<ArtifactStores>
{
    private const long Size = (160L << 20) + 12_345;
    private const long AllowedGrowth = 48L << 20;

    [Theory]
    [InlineData(ArtifactStores.Folder)]
    [InlineData(ArtifactStores.Postgres)]
    public async Task An_artifact_of_160_MB_round_trips_while_peak_memory_grows_far_less_than_its_size(string backend)
    {
        var store = stores.Get(backend);
        var key = $"checkpoints/{Guid.NewGuid():N}/vgg16.a1.e1.pth";
        string expected;
        using (var source = new PatternStream(Size, seed: 42))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var pattern = new byte[1 << 20];
            int read;
            while ((read = source.Read(pattern)) > 0) hash.AppendData(pattern, 0, read);
            expected = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        var baseline = PeakMemory.Reset();

        var put = await store.PutAsync(key, new PatternStream(Size, seed: 42), CancellationToken.None);
        string readBack;
        await using (var stream = (await store.OpenReadAsync(key, CancellationToken.None))!)
        {
            readBack = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        }

        Assert.Equal(new ArtifactInfo(key, Size, expected), put);
        Assert.Equal(expected, readBack);
        var growth = PeakMemory.ResidentPeakBytes() - baseline;
        Assert.True(growth < AllowedGrowth, $"Peak resident memory grew by {growth >> 20} MiB storing and reading {Size >> 20} MiB; allowed {AllowedGrowth >> 20} MiB.");
        await store.DeleteAsync(key, CancellationToken.None);
    }
}
