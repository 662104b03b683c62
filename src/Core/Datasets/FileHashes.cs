using System.Security.Cryptography;

namespace TrainingService.Core.Datasets;

/// <summary>Lowercase hex digests of files, streamed so 47 MB images never sit in memory twice.</summary>
internal static class FileHashes
{
    private const int BufferSize = 1 << 20;

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    // MD5 only because it is the one checksum torchvision publishes for these downloads: integrity, not security.
    public static async Task<string> Md5Async(string path, CancellationToken ct)
    {
        await using var stream = OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, ct));
    }

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
}
