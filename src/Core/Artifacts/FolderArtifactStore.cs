namespace TrainingService.Core.Artifacts;

/// <summary>
/// Artifacts as plain files: each key's top-level area (<c>checkpoints</c>, <c>datasets</c>) maps to a folder and the rest
/// of the key is the path inside it. A put writes a hidden temporary file beside the target and renames it over, so
/// readers see the old file or the whole new one. The SHA-256 of a file is computed when asked for.
/// </summary>
public sealed class FolderArtifactStore : IArtifactStore
{
    private readonly Dictionary<string, string> areas;

    /// <param name="areas">Top-level area name to the folder that holds it.</param>
    public FolderArtifactStore(IReadOnlyDictionary<string, string> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        this.areas = areas.ToDictionary(a => a.Key, a => Path.GetFullPath(a.Value), StringComparer.Ordinal);
    }

    /// <summary>Checkpoints and datasets where <see cref="StorageOptions"/> keeps them, or both under one root.</summary>
    public static FolderArtifactStore Create(ArtifactStoreOptions options, StorageOptions storage) =>
        new(options.Root is { Length: > 0 } root
            ? new Dictionary<string, string> { [ArtifactKeys.Checkpoints] = Path.Combine(root, ArtifactKeys.Checkpoints), [ArtifactKeys.Datasets] = Path.Combine(root, ArtifactKeys.Datasets) }
            : new Dictionary<string, string> { [ArtifactKeys.Checkpoints] = storage.CheckpointRoot, [ArtifactKeys.Datasets] = storage.DatasetRoot });

    public string? LocalPathOf(string key) => PathOf(key);

    public async Task<ArtifactInfo> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.part");
        try
        {
            (long Length, string Sha256) written;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, HashingCopy.BufferBytes, FileOptions.Asynchronous))
            {
                written = await HashingCopy.CopyAsync(content, file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
            return new ArtifactInfo(key, written.Length, written.Sha256);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public async Task PutFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (string.Equals(Path.GetFullPath(path), PathOf(key), StringComparison.Ordinal))
        {
            return;
        }
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, HashingCopy.BufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await PutAsync(key, source, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task<ArtifactInfo?> StatAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        try
        {
            return new ArtifactInfo(key, new FileInfo(path).Length, await HashingCopy.HashFileAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    public async Task<ArtifactUsage> UsageAsync(string prefix, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var files = 0;
        foreach (var key in await ListAsync(prefix, cancellationToken))
        {
            try
            {
                bytes += new FileInfo(PathOf(key)).Length;
                files++;
            }
            catch (FileNotFoundException)
            {
                // Deleted since it was listed.
            }
        }
        return new ArtifactUsage(bytes, files);
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        ArtifactKeys.ValidatePrefix(prefix);
        var slash = prefix.IndexOf('/');
        var areaNames = slash < 0 ? areas.Keys.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).ToArray() : [prefix[..slash]];
        var keys = new List<string>();
        foreach (var area in areaNames)
        {
            if (!areas.TryGetValue(area, out var root)) continue;
            var folderPart = prefix.LastIndexOf('/') is var last and > 0 && last > area.Length ? prefix[(area.Length + 1)..last] : "";
            var folder = Path.Combine(root, folderPart);
            if (!Directory.Exists(folder)) continue;
            keys.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(file => !Path.GetFileName(file).StartsWith('.'))
                .Select(file => $"{area}/{Path.GetRelativePath(root, file).Replace('\\', '/')}")
                .Where(key => key.StartsWith(prefix, StringComparison.Ordinal)));
        }
        keys.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(keys);
    }

    private string PathOf(string key)
    {
        ArtifactKeys.Validate(key);
        var slash = key.IndexOf('/');
        if (!areas.TryGetValue(key[..slash], out var root))
        {
            throw new ArgumentException($"The folder artifact store has no area '{key[..slash]}'; it has {string.Join(", ", areas.Keys)}.", nameof(key));
        }
        return Path.Combine(root, key[(slash + 1)..]);
    }
}
