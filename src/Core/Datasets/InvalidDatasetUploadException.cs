namespace TrainingService.Core.Datasets;

/// <summary>
/// An uploaded dataset was refused; nothing of it was kept. The message starts with the offending entry
/// of the upload (or "upload" for the whole of it) so a user can tell which file to fix.
/// </summary>
public sealed class InvalidDatasetUploadException : Exception
{
    public const string WholeUpload = "upload";

    public InvalidDatasetUploadException(string entry, string reason)
        : base($"{entry}: {reason}")
    {
        Entry = entry;
        Reason = reason;
    }

    public InvalidDatasetUploadException(string entry, string reason, Exception inner)
        : base($"{entry}: {reason}", inner)
    {
        Entry = entry;
        Reason = reason;
    }

    /// <summary>Path of the entry inside the upload, or <see cref="WholeUpload"/>.</summary>
    public string Entry { get; }

    public string Reason { get; }
}
