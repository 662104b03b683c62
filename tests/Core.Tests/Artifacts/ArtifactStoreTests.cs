using System.Security.Cryptography;
using TrainingService.Core.Artifacts;

namespace TrainingService.Core.Tests.Artifacts;

public sealed class ArtifactStoreTests(ArtifactStores stores) : IClassFixture<ArtifactStores>
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Backends => [ArtifactStores.Folder, ArtifactStores.Postgres];

    private static string NewKey(string file = "best.a1.e3.pth") => $"checkpoints/{Guid.NewGuid():N}/{file}";

    [Theory, MemberData(nameof(Backends))]
    public async Task A_stored_artifact_reads_back_byte_for_byte_with_its_length_and_sha256(string backend)
    {
        var store = stores.Get(backend);
        var key = NewKey();
        var content = PatternStream.Bytes(3 * PostgresArtifactStore.ChunkBytes + 17, seed: 7);

        var put = await store.PutAsync(key, new MemoryStream(content), None);

        var expected = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(new ArtifactInfo(key, content.Length, expected), put);
        Assert.Equal(put, await store.StatAsync(key, None));
        await using var read = await store.OpenReadAsync(key, None);
        Assert.NotNull(read);
        Assert.True(read.CanSeek);
        Assert.Equal(content.Length, read.Length);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task An_empty_artifact_is_stored_and_read_as_empty(string backend)
    {
        var store = stores.Get(backend);
        var key = NewKey("empty.bin");

        var put = await store.PutAsync(key, new MemoryStream(), None);

        Assert.Equal(0, put.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty)), put.Sha256);
        await using var read = await store.OpenReadAsync(key, None);
        Assert.Equal(-1, read!.ReadByte());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Seeking_reads_any_range_within_and_across_chunks(string backend)
    {
        var store = stores.Get(backend);
        var key = NewKey();
        var chunk = PostgresArtifactStore.ChunkBytes;
        var content = PatternStream.Bytes(3 * chunk + chunk / 2, seed: 11);
        await store.PutAsync(key, new MemoryStream(content), None);

        await using var read = (await store.OpenReadAsync(key, None))!;
        foreach (var (offset, length) in new (long, int)[] { (0, 10), (chunk - 5, 10), (2 * chunk + 3, chunk + 100), (content.Length - 7, 7), (17, 3 * chunk) })
        {
            read.Seek(offset, SeekOrigin.Begin);
            var buffer = new byte[length];
            await read.ReadExactlyAsync(buffer);
            Assert.Equal(content.AsSpan((int)offset, length).ToArray(), buffer);
        }
        read.Seek(-4, SeekOrigin.End);
        var tail = new byte[8];
        Assert.Equal(4, read.ReadAtLeast(tail, 8, throwOnEndOfStream: false));
        Assert.Equal(content[^4..], tail[..4]);
        Assert.Equal(0, read.Read(tail));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_put_that_fails_midway_leaves_no_artifact_visible(string backend)
    {
        var store = stores.Get(backend);
        var key = NewKey();
        var chunksBefore = backend == ArtifactStores.Postgres ? await stores.CountChunksAsync() : 0;

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(key, new PatternStream(10L << 20, seed: 3, failAfter: (5L << 20) / 2), None));

        Assert.Null(await store.StatAsync(key, None));
        Assert.Null(await store.OpenReadAsync(key, None));
        Assert.Empty(await store.ListAsync(key[..(key.LastIndexOf('/') + 1)], None));
        if (backend == ArtifactStores.Postgres) Assert.Equal(chunksBefore, await stores.CountChunksAsync());
        else Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(store.LocalPathOf(key))!));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task A_failed_replacement_leaves_the_old_artifact_whole(string backend)
    {
        var store = stores.Get(backend);
        var key = NewKey();
        var old = PatternStream.Bytes(2 * PostgresArtifactStore.ChunkBytes + 1, seed: 5);
        var stored = await store.PutAsync(key, new MemoryStream(old), None);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(key, new PatternStream(4L << 20, seed: 9, failAfter: 3L << 20), None));

        Assert.Equal(stored, await store.StatAsync(key, None));
        await using var read = (await store.OpenReadAsync(key, None))!;
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(old, copy.ToArray());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Replacing_an_artifact_serves_the_new_bytes_and_keeps_nothing_of_the_old(string backend)
    {
        var store = stores.Get(backend);
        var key = NewKey();
        await store.PutAsync(key, new MemoryStream(PatternStream.Bytes(3 << 20, seed: 1)), None);
        var chunksBefore = backend == ArtifactStores.Postgres ? await stores.CountChunksAsync() : 0;
        var replacement = PatternStream.Bytes(1 << 20, seed: 2);

        var put = await store.PutAsync(key, new MemoryStream(replacement), None);

        Assert.Equal(put, await store.StatAsync(key, None));
        await using var read = (await store.OpenReadAsync(key, None))!;
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(replacement, copy.ToArray());
        if (backend == ArtifactStores.Postgres) Assert.Equal(chunksBefore - 2, await stores.CountChunksAsync());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Listing_by_prefix_finds_only_that_folder_and_delete_removes_an_artifact(string backend)
    {
        var store = stores.Get(backend);
        var job = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");
        var keys = new[] { $"checkpoints/{job}/best.a1.e1.pth", $"checkpoints/{job}/last.a1.e1.pth", $"checkpoints/{job}/training.a1.e1.s10.pth" };
        foreach (var key in keys.Append($"checkpoints/{other}/best.a1.e1.pth").Append($"datasets/imagefolder/{job}/train.bin"))
        {
            await store.PutAsync(key, new MemoryStream([1, 2, 3]), None);
        }

        Assert.Equal(keys, await store.ListAsync($"checkpoints/{job}/", None));
        Assert.Equal([$"datasets/imagefolder/{job}/train.bin"], await store.ListAsync($"datasets/imagefolder/{job}/", None));

        Assert.True(await store.DeleteAsync(keys[1], None));
        Assert.False(await store.DeleteAsync(keys[1], None));
        Assert.Null(await store.StatAsync(keys[1], None));
        Assert.Null(await store.OpenReadAsync(keys[1], None));
        Assert.Equal([keys[0], keys[2]], await store.ListAsync($"checkpoints/{job}/", None));
        Assert.Equal([keys[2]], await store.ListAsync($"checkpoints/{job}/tr", None));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Keys_that_could_escape_their_area_are_refused(string backend)
    {
        var store = stores.Get(backend);
        foreach (var key in new[] { "checkpoints/../etc/passwd", "/checkpoints/a", "checkpoints//a", "checkpoints\\a\\b", "checkpoints" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1]), None));
        }
    }

    [Fact]
    public async Task Deleting_from_postgres_leaves_no_chunks_behind()
    {
        var store = stores.Get(ArtifactStores.Postgres);
        var key = NewKey();
        var before = await stores.CountChunksAsync();
        await store.PutAsync(key, new MemoryStream(PatternStream.Bytes((2 << 20) + 5, seed: 4)), None);
        Assert.Equal(before + 3, await stores.CountChunksAsync());

        await store.DeleteAsync(key, None);

        Assert.Equal(before, await stores.CountChunksAsync());
    }

    [Fact]
    public async Task The_default_folder_store_keeps_todays_layout_under_the_storage_roots()
    {
        var storage = new StorageOptions { CheckpointRoot = Path.Combine(stores.Root, "ck"), DatasetRoot = Path.Combine(stores.Root, "ds") };
        var store = FolderArtifactStore.Create(new ArtifactStoreOptions(), storage);
        var job = Guid.NewGuid().ToString("N");

        Assert.Equal(Path.GetFullPath(Path.Combine(storage.CheckpointRoot, job, "best.a1.e1.pth")), store.LocalPathOf($"checkpoints/{job}/best.a1.e1.pth"));
        Assert.Equal(Path.GetFullPath(Path.Combine(storage.DatasetRoot, "imagefolder", job, "train.bin")), store.LocalPathOf($"datasets/imagefolder/{job}/train.bin"));

        var path = store.LocalPathOf($"checkpoints/{job}/best.a1.e1.pth")!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [4, 5, 6]);
        var written = File.GetLastWriteTimeUtc(path);
        await store.PutFileAsync($"checkpoints/{job}/best.a1.e1.pth", path, None);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(3, (await store.StatAsync($"checkpoints/{job}/best.a1.e1.pth", None))!.SizeBytes);
    }
}
