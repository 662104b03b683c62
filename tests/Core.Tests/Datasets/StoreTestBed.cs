using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>A dataset root, a fake network with two mirrors, and one small published file to obtain.</summary>
internal sealed class StoreTestBed : IDisposable
{
    public const string FirstMirror = "https://mirror-one.test/data/labels.gz";
    public const string SecondMirror = "https://mirror-two.test/data/labels.gz";

    public byte[] Content { get; } = IdxBytes.Labels(3, 1, 4, 1, 5);

    public TempFolder Root { get; } = new();

    public FakeNetwork Network { get; } = new();

    public DatasetFile Published() =>
        new("labels", Checksums.Sha256(Content), Content.Length, [FirstMirror, SecondMirror]);

    public DatasetFileStore Store(bool withNetwork = true) =>
        new(Root.Path, withNetwork ? Network.Client() : null);

    public void Dispose()
    {
        Network.Dispose();
        Root.Dispose();
    }
}
