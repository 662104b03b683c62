using System.IO.Compression;
using System.Security.Cryptography;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Turns a gzip on disk into the verified uncompressed dataset file. It decompresses into a temporary
/// file beside the target and renames it over the target only once size and checksums match, so a
/// training job never sees a partial or unverified file.
/// </summary>
internal static class GzipInstaller
{
    private const int BufferSize = 1 << 16;

    /// <returns>Null once installed, otherwise why the gzip was rejected (nothing is left behind then).</returns>
    public static async Task<string?> InstallAsync(string gzipPath, string targetPath, DatasetFile file, CancellationToken ct)
    {
        if (file.GzipMd5 is not null)
        {
            var md5 = await FileHashes.Md5Async(gzipPath, ct);
            if (md5 != file.GzipMd5)
            {
                return $"gzip MD5 is {md5}, expected {file.GzipMd5}";
            }
        }

        var temporary = $"{targetPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            var (size, sha256) = await DecompressAsync(gzipPath, temporary, file.Size, ct);
            if (size != file.Size)
            {
                return size > file.Size
                    ? $"decompresses to more than the expected {file.Size} bytes"
                    : $"decompresses to {size} bytes, expected {file.Size}";
            }

            if (file.Sha256 is not null && sha256 != file.Sha256)
            {
                return $"SHA-256 after decompression is {sha256}, expected {file.Sha256}";
            }

            Sha256Sidecar.Delete(targetPath);
            File.Move(temporary, targetPath, overwrite: true);
            await Sha256Sidecar.WriteAsync(targetPath, sha256, ct);
            return null;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Stops one buffer past the expected size so a hostile or wrong gzip cannot fill the disk.
    private static async Task<(long Size, string Sha256)> DecompressAsync(
        string gzipPath, string outputPath, long expectedSize, CancellationToken ct)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var input = FileHashes.OpenRead(gzipPath);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        await using var output = new FileStream(
            outputPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while (size <= expectedSize && (read = await gzip.ReadAsync(buffer, ct)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }

        return (size, Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }
}
