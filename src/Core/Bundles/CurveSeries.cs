using SkiaSharp;

namespace TrainingService.Core.Bundles;

/// <summary>One line of a curve chart: (epoch, value) points, drawn dashed for training figures.</summary>
public sealed record CurveSeries(string Label, IReadOnlyList<(double X, double Y)> Points, SKColor Color, bool Dashed);
