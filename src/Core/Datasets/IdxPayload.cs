namespace TrainingService.Core.Datasets;

/// <summary>
/// Reads the element block after an IDX header and insists on its exact length, because a truncated
/// download and a concatenated file both parse as plausible images otherwise.
/// </summary>
internal static class IdxPayload
{
    public static byte[] Read(Stream s, string fileName, int count, long itemSize, string items)
    {
        var expectedBytes = count * itemSize;
        if (expectedBytes > Array.MaxLength)
        {
            throw new InvalidDatasetFileException(fileName, $"header says {count} {items}, more than fits in memory");
        }

        var data = new byte[expectedBytes];
        var read = s.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
        {
            var partial = read % itemSize == 0 ? "" : $" and {read % itemSize} bytes";
            throw new InvalidDatasetFileException(
                fileName, $"header says {count} {items} but the file holds {read / itemSize}{partial}");
        }

        var trailing = CountRemainingBytes(s);
        if (trailing > 0)
        {
            throw new InvalidDatasetFileException(
                fileName, $"{trailing} unexpected byte(s) follow the {count} {items} the header declares");
        }

        return data;
    }

    private static long CountRemainingBytes(Stream s)
    {
        if (s.CanSeek)
        {
            return Math.Max(0, s.Length - s.Position);
        }

        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = s.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
