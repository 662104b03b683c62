using System.Globalization;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// Number and time formats for the dashboard. Invariant culture because the server's culture
/// says nothing about the reader's; times are shown in UTC for the same reason.
/// </summary>
public static class Display
{
    private const string Missing = "—";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(double? fraction) =>
        fraction is { } value ? (value * 100).ToString("0.00", Invariant) + "%" : Missing;

    public static string Decimal(double? value, string format = "0.0000") =>
        value is { } v ? v.ToString(format, Invariant) : Missing;

    public static string Timestamp(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant) ?? Missing;

    /// <summary>A whole number with thousands separators, for step counts that reach the millions.</summary>
    public static string Count(long count) => count.ToString("N0", Invariant);

    /// <summary>How long ago, in the largest whole unit: "3 s ago", "4 min ago", "2 h ago".</summary>
    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalSeconds: < 1 } => "just now",
        { TotalMinutes: < 1 } => $"{(int)elapsed.TotalSeconds} s ago",
        { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
        { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} h ago",
        _ => $"{(int)elapsed.TotalDays} d ago",
    };

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(Invariant) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", Invariant) + " KiB",
        < 1024 * 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.0", Invariant) + " MiB",
        _ => (bytes / (1024.0 * 1024.0 * 1024.0)).ToString("0.00", Invariant) + " GiB",
    };

    public static string Text(object? value) =>
        value switch
        {
            null => Missing,
            double d => d.ToString("G", Invariant),
            IFormattable f => f.ToString(null, Invariant),
            _ => value.ToString() ?? Missing,
        };
}
