using System.Collections.Concurrent;

namespace TrainingService.Core.Artifacts;

/// <summary>
/// Local copies of artifacts for code that reads files (libtorch, TorchSharp, the tensor files of datasets): a copy is
/// used when its SHA-256 matches the store's and downloaded again otherwise, through a temporary file renamed into
/// place once verified, so a reader of the path never sees a partial download. A file's hash is remembered with its
/// length and write time, so a file used again (the best weights at every predict) is not read twice.
/// </summary>
public sealed class ArtifactCache(IArtifactStore store)
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime WrittenUtc, string Sha256)> hashes = new(StringComparer.Ordinal);

    /// <param name="expectedSha256">The hash the caller knows (a checkpoint row's); the store's when null.</param>
    /// <returns>The full local path, holding exactly the artifact.</returns>
    /// <exception cref="ArtifactNotFoundException">The store has no such artifact.</exception>
    /// <exception cref="InvalidDataException">The content does not have the expected hash.</exception>
    public async Task<string> MaterializeAsync(string key, string localPath, string? expectedSha256 = null, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(localPath);
        if (store.LocalPathOf(key) is { } stored && string.Equals(Path.GetFullPath(stored), path, StringComparison.Ordinal))
        {
            if (!File.Exists(path)) throw new ArtifactNotFoundException(key);
            if (expectedSha256 is not null) await VerifyAsync(key, path, expectedSha256, cancellationToken);
            return path;
        }

        var expected = expectedSha256 ?? (await store.StatAsync(key, cancellationToken))?.Sha256 ?? throw new ArtifactNotFoundException(key);
        if (File.Exists(path) && string.Equals(await HashOfAsync(path, cancellationToken), expected, StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        await using var source = await store.OpenReadAsync(key, cancellationToken) ?? throw new ArtifactNotFoundException(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.part");
        try
        {
            string sha256;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, HashingCopy.BufferBytes, FileOptions.Asynchronous))
            {
                (_, sha256) = await HashingCopy.CopyAsync(source, file, cancellationToken);
            }
            if (!string.Equals(sha256, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"Artifact '{key}' has SHA-256 {sha256}, not the expected {expected.ToLowerInvariant()}.");
            }
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<string> HashOfAsync(string path, CancellationToken ct)
    {
        var file = new FileInfo(path);
        if (hashes.TryGetValue(path, out var known) && known.Length == file.Length && known.WrittenUtc == file.LastWriteTimeUtc)
        {
            return known.Sha256;
        }
        var sha256 = await HashingCopy.HashFileAsync(path, ct);
        hashes[path] = (file.Length, file.LastWriteTimeUtc, sha256);
        return sha256;
    }

    private async Task VerifyAsync(string key, string path, string expected, CancellationToken ct)
    {
        var actual = await HashOfAsync(path, ct);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Artifact '{key}' at {path} has SHA-256 {actual}, not the expected {expected.ToLowerInvariant()}.");
        }
    }
}
