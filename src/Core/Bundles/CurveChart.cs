using System.Globalization;
using SkiaSharp;

namespace TrainingService.Core.Bundles;

/// <summary>
/// Draws per-epoch curves as a PNG: axes with tick labels, one line per series with a marker per epoch, and a legend.
/// Non-finite values (a diverged epoch) are left out of the line rather than stretching the axis.
/// </summary>
public static class CurveChart
{
    private const int Width = 800;
    private const int Height = 480;
    private const float Left = 72, Right = 24, Top = 48, Bottom = 56;

    // The NoDependencies Skia build has no fontconfig: fonts are looked for where Debian and Ubuntu install them.
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    public static byte[] Png(string title, string yLabel, IReadOnlyList<CurveSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = FontFiles.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null) ?? SKTypeface.Default;
        void Text(string text, float x, float y, SKTextAlign align, float size = 13)
        {
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, Typeface = typeface, TextSize = size, TextAlign = align };
            canvas.DrawText(text, x, y, ink);
        }
        using var grid = new SKPaint { Color = new SKColor(0xE0, 0xE0, 0xE0), StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var axis = new SKPaint { Color = SKColors.Black, StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };

        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var (xMin, xMax) = points.Count == 0 ? (0.0, 1.0) : (points.Min(p => p.X), points.Max(p => p.X));
        var (yMin, yMax) = points.Count == 0 ? (0.0, 1.0) : (points.Min(p => p.Y), points.Max(p => p.Y));
        if (xMax - xMin < 1) (xMin, xMax) = (xMin - 0.5, xMax + 0.5);
        if (yMax - yMin < 1e-9) (yMin, yMax) = (yMin - 0.5, yMax + 0.5);
        var yPad = (yMax - yMin) * 0.05;
        (yMin, yMax) = (yMin - yPad, yMax + yPad);
        var plot = new SKRect(Left, Top, Width - Right, Height - Bottom);
        float X(double x) => plot.Left + (float)((x - xMin) / (xMax - xMin)) * plot.Width;
        float Y(double y) => plot.Bottom - (float)((y - yMin) / (yMax - yMin)) * plot.Height;

        Text(title, Left, Top - 20, SKTextAlign.Left, 16);
        for (var i = 0; i <= 5; i++)
        {
            var value = yMin + (yMax - yMin) * i / 5;
            var y = Y(value);
            canvas.DrawLine(plot.Left, y, plot.Right, y, grid);
            Text(value.ToString("G3", CultureInfo.InvariantCulture), plot.Left - 6, y + 4, SKTextAlign.Right);
        }
        var epochStep = Math.Max(1, (int)Math.Ceiling((xMax - xMin) / 10));
        for (var epoch = (int)Math.Ceiling(xMin); epoch <= xMax; epoch += epochStep)
        {
            var x = X(epoch);
            canvas.DrawLine(x, plot.Bottom, x, plot.Bottom + 4, axis);
            Text(epoch.ToString(CultureInfo.InvariantCulture), x, plot.Bottom + 18, SKTextAlign.Center);
        }
        canvas.DrawRect(plot, axis);
        Text("epoch", plot.MidX, Height - 12, SKTextAlign.Center);
        canvas.Save();
        canvas.RotateDegrees(-90, 16, plot.MidY);
        Text(yLabel, 16, plot.MidY + 4, SKTextAlign.Center);
        canvas.Restore();

        var legendY = Top + 16f;
        foreach (var line in series)
        {
            using var pen = new SKPaint { Color = line.Color, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var dash = line.Dashed ? SKPathEffect.CreateDash([8, 5], 0) : null;
            pen.PathEffect = dash;
            using var dot = new SKPaint { Color = line.Color, IsAntialias = true, Style = SKPaintStyle.Fill };
            using var path = new SKPath();
            var started = false;
            foreach (var (x, y) in line.Points)
            {
                if (!double.IsFinite(y))
                {
                    started = false;
                    continue;
                }
                if (started) path.LineTo(X(x), Y(y));
                else path.MoveTo(X(x), Y(y));
                started = true;
                canvas.DrawCircle(X(x), Y(y), 3, dot);
            }
            canvas.DrawPath(path, pen);
            canvas.DrawLine(plot.Right - 170, legendY - 4, plot.Right - 140, legendY - 4, pen);
            Text(line.Label, plot.Right - 132, legendY, SKTextAlign.Left);
            legendY += 18;
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
