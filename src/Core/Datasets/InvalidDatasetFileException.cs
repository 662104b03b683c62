namespace TrainingService.Core.Datasets;

/// <summary>
/// A dataset file exists but its content is not what the format or the dataset promises.
/// The message always starts with the file name so a user can tell which of several files to replace.
/// </summary>
public sealed class InvalidDatasetFileException : Exception
{
    public InvalidDatasetFileException(string fileName, string reason)
        : base($"{fileName}: {reason}")
    {
        FileName = fileName;
        Reason = reason;
    }

    public string FileName { get; }

    public string Reason { get; }
}
