namespace TrainingService.Core.Datasets;

/// <summary>A dataset the worker can train on, whatever its on-disk format (IDX, CIFAR batches, image folders).</summary>
public interface IDatasetSource
{
    DatasetInfo Info { get; }

    /// <summary>Loads both splits, obtaining and verifying files first; the caller owns and disposes the result.</summary>
    /// <exception cref="DatasetUnavailableException">A file is missing and cannot be obtained.</exception>
    /// <exception cref="InvalidDatasetFileException">A file does not hold what the dataset promises.</exception>
    Task<DatasetSplits> LoadAsync(CancellationToken ct);
}
