namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Checks one zip entry's path against the accepted layout, <c>train/&lt;class&gt;/&lt;image&gt;</c> or
/// <c>test/&lt;class&gt;/&lt;image&gt;</c>. Paths are refused, never normalised: an upload naming
/// "../" or an absolute path is hostile or broken, and either way must not be guessed at.
/// </summary>
internal static class UploadEntryPath
{
    public const string Train = "train";
    public const string Test = "test";

    // Metadata that archivers add on their own; refusing it would only frustrate users.
    private static readonly string[] ArchiverJunk = [".DS_Store", "Thumbs.db", "desktop.ini"];

    /// <returns>The split ("train" or "test") and class of an image entry, or null for folders and archiver metadata.</returns>
    /// <exception cref="InvalidDatasetUploadException">The path escapes the upload or does not follow the layout.</exception>
    public static (string Split, string ClassName)? Parse(string path)
    {
        if (path.Contains('\\', StringComparison.Ordinal))
        {
            throw Refuse(path, "backslashes are not allowed in entry paths");
        }

        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal))
        {
            throw Refuse(path, "absolute paths are not allowed");
        }

        var isFolder = path.EndsWith('/');
        var segments = (isFolder ? path[..^1] : path).Split('/');
        if (segments.Any(segment => segment is "" or "." or ".."))
        {
            throw Refuse(path, "the path escapes the upload folder or has an empty, '.' or '..' part");
        }

        if (segments[0] == "__MACOSX" || ArchiverJunk.Contains(segments[^1], StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (segments[0] is not (Train or Test))
        {
            throw Refuse(path, $"unknown top-level folder '{segments[0]}'; expected '{Train}/' and optionally '{Test}/'");
        }

        if (isFolder)
        {
            return segments.Length <= 2 ? null : throw Refuse(path, "folders inside a class folder are not supported");
        }

        return segments.Length switch
        {
            3 => (segments[0], segments[1]),
            < 3 => throw Refuse(path, $"images must sit in a class folder: {segments[0]}/<class>/<image>"),
            _ => throw Refuse(path, "folders inside a class folder are not supported"),
        };
    }

    private static InvalidDatasetUploadException Refuse(string path, string reason) => new(path, reason);
}
