namespace TrainingService.Core.Checkpoints;

/// <summary>How <see cref="PthWriter"/> and <see cref="TorchObjectWriter"/> name things inside the archive.</summary>
/// <param name="ArchiveName">
/// The single top-level folder every entry lives in. torch.save uses the file's base name when given a path
/// and "archive" when given a stream; torch.load accepts any name.
/// </param>
public sealed record PthWriterOptions(string ArchiveName = "archive")
{
    public static PthWriterOptions Default { get; } = new();
}
