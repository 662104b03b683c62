using System.IO.Compression;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Lands the upload on disk (a zip must be seekable to read, and memory is not the place for a
/// gigabyte), refusing it as soon as it passes the size limit rather than after storing all of it.
/// </summary>
internal static class UploadCopy
{
    public static async Task CopyAsync(Stream upload, string path, long maxBytes, CancellationToken ct)
    {
        if (upload.CanSeek && upload.Length - upload.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await upload.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    public static ZipArchive OpenZip(string path)
    {
        try
        {
            return new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDatasetUploadException(InvalidDatasetUploadException.WholeUpload, $"is not a valid zip archive: {e.Message}", e);
        }
    }

    private static InvalidDatasetUploadException TooLarge(long maxBytes) =>
        new(InvalidDatasetUploadException.WholeUpload, $"is larger than the limit of {maxBytes} bytes for an upload");
}
