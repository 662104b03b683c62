namespace TrainingService.Core.Artifacts;

/// <summary>
/// Named immutable blobs shared by every process of the service (keys like <c>checkpoints/&lt;job&gt;/best.a1.e3.pth</c>
/// or <c>datasets/imagefolder/&lt;id&gt;/train.bin</c>), so an Api and workers on different machines need nothing
/// in common but the store. A put is atomic: readers see the old artifact or the whole new one, never part of one.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing any artifact there, recording its length and SHA-256.</summary>
    Task<ArtifactInfo> PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Stores a local file; a back-end whose copy of <paramref name="key"/> is that very file does nothing.</summary>
    Task PutFileAsync(string key, string path, CancellationToken cancellationToken);

    /// <returns>A seekable stream with a known length (HTTP range requests need both), or null when there is no such artifact.</returns>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <returns>Null when there is no such artifact.</returns>
    Task<ArtifactInfo?> StatAsync(string key, CancellationToken cancellationToken);

    /// <returns>False when there was no such artifact.</returns>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The keys that start with <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The count and total size of the artifacts whose key starts with <paramref name="prefix"/>, without reading them.</summary>
    Task<ArtifactUsage> UsageAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Where this back-end keeps <paramref name="key"/> on this machine's disk, or null when it keeps it elsewhere.</summary>
    string? LocalPathOf(string key);
}
