namespace TrainingService.Core.Datasets;

/// <summary>Decides whether a dataset file already on disk can be trusted, hashing it only when the sidecar is stale.</summary>
internal static class ExistingFileCheck
{
    /// <returns>Null when the file is verified, otherwise why it is not.</returns>
    public static async Task<string?> FindProblemAsync(string path, DatasetFile file, CancellationToken ct)
    {
        var size = new FileInfo(path).Length;
        if (size != file.Size)
        {
            return $"it holds {size} bytes, expected {file.Size}";
        }

        var remembered = await Sha256Sidecar.TryReadAsync(path, ct);
        if (file.Sha256 is null)
        {
            return remembered is null
                ? "no SHA-256 is published for it and it was not installed here from a verified gzip"
                : null;
        }

        var actual = remembered ?? await HashAndRememberAsync(path, ct);
        return actual == file.Sha256 ? null : $"its SHA-256 is {actual}, expected {file.Sha256}";
    }

    private static async Task<string> HashAndRememberAsync(string path, CancellationToken ct)
    {
        var sha256 = await FileHashes.Sha256Async(path, ct);
        try
        {
            await Sha256Sidecar.WriteAsync(path, sha256, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only dataset folder is legitimate; it only costs rehashing on the next job.
        }

        return sha256;
    }
}
