using System.ComponentModel;
using System.Diagnostics;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>Runs python3, which the export tests need (it is on every developer machine and on CI; torch is not).</summary>
internal static class Python
{
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error);
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"python3 is needed to check the emitted PyTorch source but could not be started: {e.Message}");
            throw;
        }
    }
}
