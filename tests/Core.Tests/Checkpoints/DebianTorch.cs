using System.Diagnostics;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// Debian's real PyTorch (python3-torch, 1.13) under /usr/bin/python3, for interop tests. Tests that need it start with
/// <c>Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing)</c> inside a <c>[SkippableFact]</c>, so a machine without
/// it reports them skipped rather than passed. Scripts can <c>import training_checkpoint</c> (tools/pytorch is on the path).
/// </summary>
internal static class DebianTorch
{
    public const string Python = "/usr/bin/python3";

    public const string Missing = "Debian's PyTorch is not installed: /usr/bin/python3 cannot import torch (apt-get install python3-torch).";

    public const string PythonMissing = "/usr/bin/python3 is not installed.";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<bool> Python3 = new(() => Succeeds("pass"));

    private static readonly Lazy<bool> Torch = new(() => Succeeds("import torch"));

    private static readonly Lazy<string> Tools = new(FindToolsFolder);

    /// <summary>True when /usr/bin/python3 imports torch; probed once per test run.</summary>
    public static bool IsAvailable => Torch.Value;

    /// <summary>True when /usr/bin/python3 runs at all, for tests that need only CPython's own pickler.</summary>
    public static bool IsPythonAvailable => Python3.Value;

    /// <summary>The folder holding training_checkpoint.py, found by walking up from the test binaries to the repository.</summary>
    public static string ToolsFolder => Tools.Value;

    /// <summary>Runs <paramref name="script"/> with <c>python3 -c</c>; returns its stdout, or fails the test with its stderr.</summary>
    public static string Run(string script, params string[] args) => Checked(Execute(["-c", script, .. args], Timeout));

    /// <summary>As <see cref="Run"/>, for a script known to take long on a loaded machine (checking gigabytes of files).</summary>
    public static string RunLong(TimeSpan timeout, string script, params string[] args) => Checked(Execute(["-c", script, .. args], timeout));

    /// <summary>Runs a Python file, such as a tool's command line, the same way as <see cref="Run"/>.</summary>
    public static string RunFile(string path, params string[] args) => Checked(Execute([path, .. args], Timeout));

    private static string Checked((int ExitCode, string Stdout, string Stderr) run) => run.ExitCode == 0
        ? run.Stdout
        : throw new Xunit.Sdk.XunitException($"python3 exited with {run.ExitCode}.\nstderr:\n{run.Stderr}\nstdout:\n{run.Stdout}");

    private static bool Succeeds(string script) => File.Exists(Python) && Execute(["-c", script], Timeout).ExitCode == 0;

    private static (int ExitCode, string Stdout, string Stderr) Execute(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One thread keeps runs repeatable and leaves the cores to the parallel test run; no bytecode keeps tools/ clean.
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONPATH"] = ToolsFolder;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"python3 did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string FindToolsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var tools = Path.Combine(folder.FullName, "tools", "pytorch");
            if (File.Exists(Path.Combine(tools, "training_checkpoint.py")))
            {
                return tools;
            }
        }

        throw new InvalidOperationException($"No tools/pytorch/training_checkpoint.py above {AppContext.BaseDirectory}.");
    }
}
