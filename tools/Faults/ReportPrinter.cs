using TrainingService.Faults.Harness;

namespace TrainingService.Faults;

/// <summary>Prints a scenario's figures and checks as Markdown tables, ready for docs/benchmarks.md.</summary>
internal static class ReportPrinter
{
    public static void Print(TextWriter output, FaultReport report)
    {
        output.WriteLine();
        output.WriteLine($"### {report.Scenario}: {(report.Passed ? "passed" : "FAILED")}");
        output.WriteLine();
        output.WriteLine("| figure | value |");
        output.WriteLine("|---|---|");
        foreach (var (name, value) in report.Figures)
        {
            output.WriteLine($"| {name} | {Cell(value)} |");
        }
        output.WriteLine();
        output.WriteLine("| check | result | detail |");
        output.WriteLine("|---|---|---|");
        foreach (var check in report.Checks)
        {
            output.WriteLine($"| {check.Name} | {(check.Passed ? "pass" : "FAIL")} | {Cell(check.Detail)} |");
        }
        output.WriteLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
