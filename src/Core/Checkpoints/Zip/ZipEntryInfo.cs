namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>What the central directory says about one entry.</summary>
internal sealed record ZipEntryInfo(string Name, ushort Method, uint Crc, long CompressedSize, long Size, long LocalHeaderOffset);
