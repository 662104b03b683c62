namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>One entry as the central directory and its local header describe it.</summary>
internal sealed record TestZipEntry(string Name, int Method, uint Crc, long Size, long HeaderOffset, long DataOffset, int FirstExtraFieldId);
