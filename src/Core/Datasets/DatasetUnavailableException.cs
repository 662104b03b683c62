namespace TrainingService.Core.Datasets;

/// <summary>
/// A dataset file is neither present and verified nor obtainable; the message tells an operator
/// what to put where, because training nodes are often offline.
/// </summary>
public sealed class DatasetUnavailableException : Exception
{
    public DatasetUnavailableException(string fileName, string folder, string message)
        : base(message)
    {
        FileName = fileName;
        Folder = folder;
    }

    public string FileName { get; }

    public string Folder { get; }
}
