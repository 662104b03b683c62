using System.Text.Json;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// The trials a search space yields. A grid walks every combination in order, the first parameter varying slowest; random
/// draws each parameter in turn from one <see cref="SeededRandom"/> stream, trial after trial, so trial n is the same
/// whenever and wherever it is computed.
/// </summary>
public static class SearchSpace
{
    /// <summary>How many values a parameter takes in a grid: its list, or its whole numbers; null for a continuous range.</summary>
    public static long? GridValues(SearchParameter parameter) =>
        parameter.Values is { } values ? values.Count
        : parameter.Distribution == SearchDistributions.Int && parameter is { Min: { } min, Max: { } max } ? (long)(max - min) + 1
        : null;

    /// <summary>The number of combinations, saturating at <see cref="long.MaxValue"/>; null when a parameter is continuous.</summary>
    public static long? GridSize(IReadOnlyList<SearchParameter> parameters)
    {
        long size = 1;
        foreach (var parameter in parameters)
        {
            if (GridValues(parameter) is not { } count) return null;
            size = count != 0 && size > long.MaxValue / count ? long.MaxValue : size * count;
        }
        return size;
    }

    /// <summary>The first <paramref name="count"/> trials of the sweep.</summary>
    public static IReadOnlyList<TrialPoint> Trials(SweepSpec spec, int count) =>
        spec.Method == SweepMethods.Random ? RandomTrials(spec.Parameters, spec.Seed, count) : GridTrials(spec.Parameters, count);

    private static List<TrialPoint> GridTrials(IReadOnlyList<SearchParameter> parameters, int count)
    {
        var trials = new List<TrialPoint>(count);
        for (var index = 0L; index < count; index++)
        {
            var values = new ParameterValue[parameters.Count];
            var rest = index;
            for (var p = parameters.Count - 1; p >= 0; p--)
            {
                var size = GridValues(parameters[p]) ?? throw new InvalidOperationException($"{parameters[p].Path} is not a grid parameter.");
                values[p] = new ParameterValue(parameters[p].Path, GridValue(parameters[p], rest % size));
                rest /= size;
            }
            trials.Add(new TrialPoint((int)index + 1, values));
        }
        return trials;
    }

    private static JsonElement GridValue(SearchParameter parameter, long digit) =>
        parameter.Values is { } values ? values[(int)digit] : Number((long)parameter.Min!.Value + digit);

    private static List<TrialPoint> RandomTrials(IReadOnlyList<SearchParameter> parameters, long seed, int count)
    {
        var random = new SeededRandom(seed);
        var trials = new List<TrialPoint>(count);
        for (var number = 1; number <= count; number++)
        {
            trials.Add(new TrialPoint(number, parameters.Select(p => new ParameterValue(p.Path, Draw(p, random.NextDouble()))).ToList()));
        }
        return trials;
    }

    /// <summary>The value a uniform <paramref name="u"/> in [0, 1) picks; clamped, so rounding never leaves the range.</summary>
    internal static JsonElement Draw(SearchParameter parameter, double u)
    {
        if (parameter.Values is { } values) return values[Math.Min(values.Count - 1, (int)Math.Floor(u * values.Count))];
        var (min, max) = (parameter.Min!.Value, parameter.Max!.Value);
        return parameter.Distribution switch
        {
            SearchDistributions.Int => Number(Math.Min((long)max, (long)min + (long)Math.Floor(u * (max - min + 1)))),
            SearchDistributions.LogUniform => Number(Math.Clamp(Math.Exp(Math.Log(min) + u * (Math.Log(max) - Math.Log(min))), min, max)),
            _ => Number(Math.Clamp(min + u * (max - min), min, max)),
        };
    }

    internal static JsonElement Number(long value) => JsonSerializer.SerializeToElement(value);

    internal static JsonElement Number(double value) => JsonSerializer.SerializeToElement(value);
}
