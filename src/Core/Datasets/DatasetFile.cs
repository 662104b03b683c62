namespace TrainingService.Core.Datasets;

/// <summary>
/// One file of a dataset as it must look on disk (uncompressed) and where its gzip can be fetched.
/// At least one checksum is required: <see cref="Sha256"/> of the uncompressed file where one is
/// published, else <see cref="GzipMd5"/> of the compressed download (all torchvision publishes for some datasets).
/// </summary>
public sealed record DatasetFile
{
    public DatasetFile(string fileName, string? sha256, long size, IReadOnlyList<string> urls, string? gzipMd5 = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (fileName != Path.GetFileName(fileName) || fileName is "." or "..")
        {
            throw new ArgumentException($"'{fileName}' must be a plain file name, not a path", nameof(fileName));
        }

        RequireLowercaseHex(sha256, 64, nameof(sha256));
        RequireLowercaseHex(gzipMd5, 32, nameof(gzipMd5));
        if (sha256 is null && gzipMd5 is null)
        {
            throw new ArgumentException($"{fileName}: a SHA-256 or a gzip MD5 is required to verify it", nameof(sha256));
        }

        FileName = fileName;
        Sha256 = sha256;
        Size = size;
        Urls = urls.ToArray();
        GzipMd5 = gzipMd5;
    }

    public string FileName { get; }

    /// <summary>Lowercase hex SHA-256 of the uncompressed file, or null where none is published.</summary>
    public string? Sha256 { get; }

    /// <summary>Size in bytes of the uncompressed file.</summary>
    public long Size { get; }

    /// <summary>Mirrors of the gzip-compressed file, tried in order.</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>Lowercase hex MD5 of the gzip-compressed download, or null where none is published.</summary>
    public string? GzipMd5 { get; }

    private static void RequireLowercaseHex(string? value, int length, string parameter)
    {
        if (value is not null && (value.Length != length || !value.All(char.IsAsciiHexDigitLower)))
        {
            throw new ArgumentException($"'{value}' is not {length} lowercase hex digits", parameter);
        }
    }
}
