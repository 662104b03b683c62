using TrainingService.Faults.Harness;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrainingService.EndToEnd.Tests.Faults;

/// <summary>Runs a scenario on a fleet, and puts its report and the processes' logs into any failure.</summary>
internal static class FaultRun
{
    public static async Task<T> RunAsync<T>(Fleet fleet, ITestOutputHelper output, Func<Action<string>, Task<T>> scenario)
    {
        try
        {
            return await scenario(output.WriteLine);
        }
        catch (FaultScenarioException exception)
        {
            throw new XunitException($"{exception.Message}\n{fleet.Diagnostics()}");
        }
    }

    /// <summary>The report as text, for assertion messages.</summary>
    public static string Describe(FaultReport report, Fleet fleet) =>
        string.Join('\n', report.Figures.Select(f => $"{f.Name}: {f.Value}"))
        + "\n" + string.Join('\n', report.Checks.Select(c => $"[{(c.Passed ? "pass" : "FAIL")}] {c.Name}: {c.Detail}"))
        + "\n" + fleet.Diagnostics();
}
