using System.Globalization;

namespace TrainingService.Faults.Harness;

/// <summary>A scenario's figures (what was measured) and checks (what must hold), in the order they were made.</summary>
public sealed class FaultReport(string scenario)
{
    private readonly List<(string Name, string Value)> _figures = [];
    private readonly List<FaultCheck> _checks = [];

    public string Scenario { get; } = scenario;

    public IReadOnlyList<(string Name, string Value)> Figures => _figures;

    public IReadOnlyList<FaultCheck> Checks => _checks;

    public bool Passed => _checks.Count > 0 && _checks.All(c => c.Passed);

    public void Figure(string name, string value) => _figures.Add((name, value));

    public void Figure(string name, double value, string format = "0.00") => _figures.Add((name, value.ToString(format, CultureInfo.InvariantCulture)));

    public void Check(string name, bool passed, string detail) => _checks.Add(new FaultCheck(name, passed, detail));

    /// <summary>A figure over several repetitions: median, min and max.</summary>
    public static string Spread(IReadOnlyCollection<double> values, string unit = "s")
    {
        if (values.Count == 0) return "n/a";
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"median {median:0.00} {unit} (min {sorted[0]:0.00}, max {sorted[^1]:0.00}, n = {values.Count})");
    }
}

public sealed record FaultCheck(string Name, bool Passed, string Detail);
