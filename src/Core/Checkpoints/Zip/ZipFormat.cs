namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>Fixed numbers of the PKWARE zip format (APPNOTE.TXT) that both the writer and the reader need.</summary>
internal static class ZipFormat
{
    public const uint LocalHeaderSignature = 0x04034b50;
    public const uint CentralHeaderSignature = 0x02014b50;
    public const uint EndOfCentralDirectorySignature = 0x06054b50;

    public const int LocalHeaderSize = 30;
    public const int CentralHeaderSize = 46;
    public const int EndOfCentralDirectorySize = 22;
    public const int MaxCommentLength = ushort.MaxValue;

    public const ushort VersionNeeded = 20;
    public const ushort StoredMethod = 0;

    /// <summary>1980-01-01, the earliest DOS date; a fixed stamp keeps identical checkpoints byte-identical.</summary>
    public const ushort DosDate = (1 << 5) | 1;

    /// <summary>Header id 0x4246 is "FB" on disk, the id PyTorch gives its alignment padding field.</summary>
    public const ushort PaddingExtraFieldId = 0x4246;
    public const int ExtraFieldHeaderSize = 4;
    public const byte PaddingFiller = (byte)'Z';
}
