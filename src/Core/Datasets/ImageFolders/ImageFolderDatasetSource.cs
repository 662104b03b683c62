using TorchSharp;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>One imported image folder; loading reads its two tensor files and never decodes an image.</summary>
public sealed class ImageFolderDatasetSource : IDatasetSource
{
    public const string TrainFile = "train.bin";
    public const string TestFile = "test.bin";

    private readonly string folder;

    public ImageFolderDatasetSource(string folder, ImageFolderManifest manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(manifest);
        (this.folder, Manifest, Info) = (folder, manifest, manifest.ToInfo());
    }

    public ImageFolderManifest Manifest { get; }

    public DatasetInfo Info { get; }

    public Task<DatasetSplits> LoadAsync(CancellationToken ct)
    {
        var train = Read(TrainFile, Info.TrainCount);
        try
        {
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(new DatasetSplits(train, Read(TestFile, Info.TestCount)));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private LabeledImages Read(string fileName, int expectedCount)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            throw new DatasetUnavailableException(fileName, folder,
                $"Uploaded dataset '{Info.DisplayName}' ({Manifest.Id}) lacks {fileName} in {folder}; it was deleted or damaged. Upload it again.");
        }

        var split = ImageTensorFile.Read(path);
        using var scope = torch.NewDisposeScope();
        var shape = split.Images.shape;
        var problem = (shape[0], shape[1], shape[2], shape[3]) != (expectedCount, Info.Channels, Info.Height, Info.Width)
            ? $"holds {shape[0]} images of {shape[1]}x{shape[2]}x{shape[3]}, but dataset.json promises {expectedCount} of {Info.Channels}x{Info.Height}x{Info.Width}"
            : split.Count > 0 && (split.Labels.min().item<long>() < 0 || split.Labels.max().item<long>() >= Info.ClassCount)
                ? $"holds labels outside the {Info.ClassCount} classes"
                : null;
        if (problem is not null)
        {
            split.Dispose();
            throw new InvalidDatasetFileException(fileName, problem);
        }

        return split;
    }
}
