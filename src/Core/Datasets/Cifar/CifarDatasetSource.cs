using TorchSharp;

namespace TrainingService.Core.Datasets.Cifar;

/// <summary>A dataset in CIFAR's binary layout, extracted from its archive through a <see cref="DatasetFileStore"/>.</summary>
public sealed class CifarDatasetSource : IDatasetSource
{
    private readonly CifarDatasetDefinition definition;
    private readonly DatasetFileStore store;

    public CifarDatasetSource(CifarDatasetDefinition definition, DatasetFileStore store)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(store);
        if (definition.Info is not { Channels: CifarBinaryFile.Channels, Height: CifarBinaryFile.Side, Width: CifarBinaryFile.Side })
        {
            throw new ArgumentException("CIFAR binary files hold 3-channel 32x32 images", nameof(definition));
        }

        (this.definition, this.store) = (definition, store);
    }

    public DatasetInfo Info => definition.Info;

    public async Task<DatasetSplits> LoadAsync(CancellationToken ct)
    {
        var folder = await store.EnsureExtractedAsync(Info.Name, definition.Archive, definition.RequiredFiles, ct);
        var batches = Path.Combine(folder, definition.BatchesFolder);
        CifarClassNames.Check(Path.Combine(batches, definition.MetaFile), Info.ClassNames);
        ct.ThrowIfCancellationRequested();
        var train = ReadSplit(batches, definition.TrainFiles);
        try
        {
            return new DatasetSplits(train, ReadSplit(batches, [definition.TestFile]));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private LabeledImages ReadSplit(string batches, IReadOnlyList<string> files)
    {
        var parts = new List<LabeledImages>();
        try
        {
            foreach (var file in files)
            {
                parts.Add(CifarBinaryFile.Read(Path.Combine(batches, file), definition.RecordsPerFile, Info.ClassCount));
            }

            using var scope = torch.NewDisposeScope();
            return parts.Count == 1
                ? parts[0].Take(parts[0].Count)
                : new LabeledImages(torch.cat(parts.Select(p => p.Images).ToArray()), torch.cat(parts.Select(p => p.Labels).ToArray()));
        }
        finally
        {
            parts.ForEach(part => part.Dispose());
        }
    }
}
