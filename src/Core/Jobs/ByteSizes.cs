using System.Globalization;

namespace TrainingService.Core.Jobs;

/// <summary>Byte counts in the decimal units people read (12.3 GB), for reasons and failure messages.</summary>
public static class ByteSizes
{
    public static string Describe(double bytes) => bytes switch
    {
        >= 1e12 => Format(bytes / 1e12, "TB"),
        >= 1e9 => Format(bytes / 1e9, "GB"),
        >= 1e6 => Format(bytes / 1e6, "MB"),
        >= 1e3 => Format(bytes / 1e3, "kB"),
        _ => Format(bytes, "bytes"),
    };

    private static string Format(double value, string unit) => $"{value.ToString("0.0", CultureInfo.InvariantCulture)} {unit}";
}
