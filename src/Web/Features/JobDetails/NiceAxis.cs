using System.Globalization;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// A value axis with round, distinct ticks: a step of 1, 2, 2.5 or 5 times a power of ten, bounds on whole steps
/// around the data, and as many decimals as the step needs, so a narrow range (0.0381 to 0.0384) reads 0.0381,
/// 0.0382, ... instead of 0.038 over and over.
/// </summary>
public sealed record NiceAxis(double Min, double Max, double Step, int Decimals)
{
    private static readonly double[] Mantissas = [1, 2, 2.5, 5, 10];

    /// <summary>The format the labels need, for <c>RadzenValueAxis.FormatString</c>.</summary>
    public string FormatString => "{0:F" + Decimals.ToString(CultureInfo.InvariantCulture) + "}";

    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + (i * Step), Decimals + 2))];
        }
    }

    public IReadOnlyList<string> Labels => [.. Ticks.Select(t => t.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];

    /// <param name="values">The plotted values; non-finite ones are left out.</param>
    /// <param name="maxTicks">At most this many ticks (at least 2).</param>
    public static NiceAxis For(IEnumerable<double> values, int maxTicks = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        var finite = values.Where(double.IsFinite).ToList();
        var (low, high) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        if (high - low < Math.Max(Math.Abs(high), 1) * 1e-12)
        {
            // One value (or all equal): a span around it, so it sits on the axis between two ticks.
            var half = low == 0 ? 0.5 : Math.Abs(low) * 0.05;
            (low, high) = (low - half, high + half);
        }

        foreach (var step in Steps(high - low, maxTicks))
        {
            var min = Math.Floor(low / step) * step;
            var max = Math.Ceiling(high / step) * step;
            if (Math.Round((max - min) / step) + 1 <= maxTicks)
            {
                return new NiceAxis(min, max, step, DecimalsOf(step));
            }
        }

        throw new InvalidOperationException("A step of the whole range always fits.");
    }

    /// <summary>Round steps from the smallest that could fit upwards.</summary>
    private static IEnumerable<double> Steps(double range, int maxTicks)
    {
        var rough = range / (maxTicks - 1);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        for (var scale = power; ; scale *= 10)
        {
            foreach (var mantissa in Mantissas)
            {
                if (mantissa * scale >= rough * (1 - 1e-9))
                {
                    yield return mantissa * scale;
                }
            }
        }
    }

    /// <summary>Enough decimals that every multiple of the step prints differently: 0.0005 needs 4, 0.25 needs 2, 5 needs 0.</summary>
    private static int DecimalsOf(double step)
    {
        for (var decimals = 0; decimals < 15; decimals++)
        {
            if (Math.Abs((step * Math.Pow(10, decimals)) - Math.Round(step * Math.Pow(10, decimals))) < 1e-6)
            {
                return decimals;
            }
        }

        return 15;
    }
}
