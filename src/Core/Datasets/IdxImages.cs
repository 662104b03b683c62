namespace TrainingService.Core.Datasets;

/// <summary>Decoded IDX image file: <paramref name="Pixels"/> holds Count*Rows*Columns bytes, row-major per image.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
