namespace TrainingService.Core.Datasets;

/// <summary>The train and test splits of a dataset as loaded; disposing it frees both.</summary>
public sealed record DatasetSplits(LabeledImages Train, LabeledImages Test) : IDisposable
{
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
