using System.Security.Cryptography;
using TrainingService.Core.Artifacts;

namespace TrainingService.Core.Tests.Artifacts;

public sealed class ArtifactCacheTests(ArtifactStores stores) : IClassFixture<ArtifactStores>
{
    private readonly string local = Path.Combine(stores.Root, "cache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_missing_file_is_downloaded_from_the_store_and_one_with_other_bytes_is_replaced()
    {
        var store = stores.Get(ArtifactStores.Postgres);
        var cache = new ArtifactCache(store);
        var key = $"checkpoints/{Guid.NewGuid():N}/training.a1.e2.s20.pth";
        var content = PatternStream.Bytes((2 << 20) + 3, seed: 8);
        await store.PutAsync(key, new MemoryStream(content), CancellationToken.None);
        var path = Path.Combine(local, "job", "training.a1.e2.s20.pth");

        Assert.Equal(Path.GetFullPath(path), await cache.MaterializeAsync(key, path));
        Assert.Equal(content, await File.ReadAllBytesAsync(path));

        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        await cache.MaterializeAsync(key, path);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_download_whose_bytes_do_not_match_the_expected_hash_is_refused_and_leaves_no_file()
    {
        var store = stores.Get(ArtifactStores.Postgres);
        var cache = new ArtifactCache(store);
        var key = $"checkpoints/{Guid.NewGuid():N}/best.a1.e1.pth";
        await store.PutAsync(key, new MemoryStream([9, 9, 9]), CancellationToken.None);
        var path = Path.Combine(local, "refused", "best.a1.e1.pth");

        await Assert.ThrowsAsync<InvalidDataException>(() => cache.MaterializeAsync(key, path, Convert.ToHexStringLower(SHA256.HashData([1, 2, 3]))));

        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task An_artifact_the_store_lacks_is_reported_missing()
    {
        var cache = new ArtifactCache(stores.Get(ArtifactStores.Postgres));

        var missing = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => cache.MaterializeAsync("checkpoints/none/best.pth", Path.Combine(local, "none.pth")));

        Assert.Equal("checkpoints/none/best.pth", missing.Key);
    }

    [Fact]
    public async Task The_folder_stores_own_file_is_used_in_place_and_checked_against_the_expected_hash()
    {
        var store = stores.Get(ArtifactStores.Folder);
        var cache = new ArtifactCache(store);
        var key = $"checkpoints/{Guid.NewGuid():N}/best.a1.e1.pth";
        var put = await store.PutAsync(key, new MemoryStream([1, 2, 3, 4]), CancellationToken.None);

        Assert.Equal(store.LocalPathOf(key), await cache.MaterializeAsync(key, store.LocalPathOf(key)!, put.Sha256));
        await Assert.ThrowsAsync<InvalidDataException>(() => cache.MaterializeAsync(key, store.LocalPathOf(key)!, new string('0', 64)));
    }
}
