using System.Diagnostics;

namespace TrainingService.EndToEnd.Tests.Bundles;

/// <summary>Debian's /usr/bin/python3 with its python3-torch (1.13), for checks that run a bundle's own scripts.</summary>
internal static class DebianPython
{
    public const string Python = "/usr/bin/python3";

    public const string Missing = "Debian's PyTorch is not installed: /usr/bin/python3 cannot import torch (apt-get install python3-torch).";

    private static readonly Lazy<bool> Torch = new(() => File.Exists(Python) && Run(Path.GetTempPath(), "-c", "import torch").ExitCode == 0);

    public static bool HasTorch => Torch.Value;

    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // One thread leaves the cores to the services under test; no bytecode keeps the unzipped bundle as it came.
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Python} {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
