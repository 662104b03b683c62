namespace TrainingService.Core.Datasets;

/// <summary>A dataset stored as four IDX files (MNIST layout), obtained through a <see cref="DatasetFileStore"/>.</summary>
public sealed class IdxDatasetSource : IDatasetSource
{
    private readonly IdxDatasetDefinition definition;
    private readonly DatasetFileStore store;

    public IdxDatasetSource(IdxDatasetDefinition definition, DatasetFileStore store)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(store);
        if (definition.Info.Channels != 1)
        {
            throw new ArgumentException("IDX image files hold single-channel images", nameof(definition));
        }

        this.definition = definition;
        this.store = store;
    }

    public DatasetInfo Info => definition.Info;

    public async Task<DatasetSplits> LoadAsync(CancellationToken ct)
    {
        var folder = Info.Name;
        var trainImages = await store.EnsureAsync(folder, definition.TrainImages, ct);
        var trainLabels = await store.EnsureAsync(folder, definition.TrainLabels, ct);
        var testImages = await store.EnsureAsync(folder, definition.TestImages, ct);
        var testLabels = await store.EnsureAsync(folder, definition.TestLabels, ct);
        ct.ThrowIfCancellationRequested();

        var train = IdxSplitReader.Read(Info, trainImages, trainLabels, Info.TrainCount);
        try
        {
            return new DatasetSplits(train, IdxSplitReader.Read(Info, testImages, testLabels, Info.TestCount));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }
}
