using System.IO.Compression;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Builds an upload zip entry by entry, with whatever names a test needs, hostile ones included.</summary>
internal sealed class UploadZip
{
    private readonly List<(string Name, byte[] Content)> entries = [];

    public UploadZip Add(string name, byte[] content)
    {
        entries.Add((name, content));
        return this;
    }

    /// <summary>Two classes of two 4x3 PNGs each under train/; seeds 0, 1 for "cat" and 2, 3 for "dog".</summary>
    public static UploadZip TwoClasses(string split = "train") => new UploadZip()
        .Add($"{split}/cat/a.png", EncodedImages.Png(4, 3, 0))
        .Add($"{split}/cat/b.png", EncodedImages.Png(4, 3, 1))
        .Add($"{split}/dog/a.png", EncodedImages.Png(4, 3, 2))
        .Add($"{split}/dog/b.png", EncodedImages.Png(4, 3, 3));

    public MemoryStream ToStream()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        output.Position = 0;
        return output;
    }
}
