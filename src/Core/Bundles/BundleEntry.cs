using System.Text;

namespace TrainingService.Core.Bundles;

/// <summary>One file of a bundle: its path inside the zip and how to write its bytes.</summary>
public sealed record BundleEntry(string Path, Func<Stream, CancellationToken, Task> WriteAsync)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static BundleEntry Bytes(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new BundleEntry(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask());
    }

    public static BundleEntry Text(string path, string content) => Bytes(path, Utf8.GetBytes(content));
}
