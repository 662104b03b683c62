using System.IO.Compression;
using System.Security.Cryptography;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>What a mirror would serve for a file, and the checksums a dataset table would publish for it.</summary>
internal static class Checksums
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
