using System.Globalization;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// Plotly's Viridis colour scale, sampled here because a line's colour is one value per trace: the colour bar beside
/// the plot uses Plotly's own "Viridis" over the same range, so the two agree.
/// </summary>
public static class Viridis
{
    public const string PlotlyName = "Viridis";

    // Plotly's stops at 0, 1/9, ..., 1.
    private static readonly (byte R, byte G, byte B)[] Stops =
    [
        (0x44, 0x01, 0x54), (0x48, 0x28, 0x78), (0x3E, 0x4A, 0x89), (0x31, 0x68, 0x8E), (0x26, 0x82, 0x8E),
        (0x1F, 0x9E, 0x89), (0x35, 0xB7, 0x79), (0x6E, 0xCE, 0x58), (0xB5, 0xDE, 0x2B), (0xFD, 0xE7, 0x25),
    ];

    /// <param name="t">0 (dark purple) to 1 (yellow); clamped.</param>
    public static string At(double t)
    {
        var position = Math.Clamp(double.IsFinite(t) ? t : 0, 0, 1) * (Stops.Length - 1);
        var index = Math.Min((int)position, Stops.Length - 2);
        var f = position - index;
        var (a, b) = (Stops[index], Stops[index + 1]);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(a.R, b.R, f):x2}{Mix(a.G, b.G, f):x2}{Mix(a.B, b.B, f):x2}");
    }

    private static int Mix(byte from, byte to, double f) => (int)Math.Round(from + ((to - from) * f));
}
