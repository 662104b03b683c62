namespace TrainingService.Core.Images;

/// <summary>An image file was refused: it is no PNG or JPEG, it is corrupt, or it declares more pixels than allowed.</summary>
public sealed class InvalidImageException : Exception
{
    public InvalidImageException(string fileName, string reason)
        : base($"{fileName}: {reason}")
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>The name the image was given (an upload's file name or a zip entry's path).</summary>
    public string FileName { get; }

    public string Reason { get; }
}
