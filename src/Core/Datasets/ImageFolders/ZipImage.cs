using System.IO.Compression;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>Reads one image entry of an upload whole, turning every zip failure into an <see cref="InvalidDatasetUploadException"/> that names the entry.</summary>
internal static class ZipImage
{
    public static byte[] ReadAll(ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            var bytes = new byte[entry.Length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return read == bytes.Length && stream.ReadByte() < 0
                ? bytes
                : throw new InvalidDatasetUploadException(entry.FullName, "is corrupt: its size differs from what the zip declares");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDatasetUploadException(entry.FullName, $"is corrupt in the zip: {e.Message}", e);
        }
    }
}
