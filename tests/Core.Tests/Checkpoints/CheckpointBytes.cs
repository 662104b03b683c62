using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>In-memory shortcuts around <see cref="TorchObjectWriter"/> and <see cref="TorchObjectReader"/>.</summary>
internal static class CheckpointBytes
{
    public static byte[] Write(object? root)
    {
        using var stream = new MemoryStream();
        new TorchObjectWriter().Write(stream, root);
        return stream.ToArray();
    }

    public static object? Read(byte[] archive) => new TorchObjectReader().Read(new MemoryStream(archive, writable: false));

    public static object? RoundTrip(object? root) => Read(Write(root));

    /// <summary>An archive holding just this data.pkl (and the given storages), for pickles written by hand.</summary>
    public static object? ReadPickle(byte[] pickle, params (string Key, byte[] Data)[] storages) =>
        Read(PthBytes.ZipOf([("archive/data.pkl", pickle), .. storages.Select(storage => ($"archive/data/{storage.Key}", storage.Data))]));
}
