using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingService.TrainingComparison;

/// <summary>
/// tools/pytorch/training_peer.py as a long-lived child process, one JSON line each way per request: Python starts
/// and imports torch once, before anything is timed, and its epochs are timed inside Python, so the pipe is not timed.
/// </summary>
public sealed class PyTorchPeer : IDisposable
{
    public const string DebianPython = "/usr/bin/python3";

    private readonly Process process;

    private PyTorchPeer(Process process) => this.process = process;

    /// <param name="script">The path of training_peer.py.</param>
    /// <param name="threads">Also put in OMP_NUM_THREADS, so OpenMP and OpenBLAS size their pools as torch.set_num_threads will.</param>
    public static PyTorchPeer Start(string script, int threads, string python = DebianPython)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // Our process carries the worker's glibc allocator settings (NativeAllocator); the peer is PyTorch as installed.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MALLOC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        return new PyTorchPeer(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}."));
    }

    /// <summary>Finds tools/pytorch/training_peer.py above the working directory or the binaries.</summary>
    public static string? FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "tools", "pytorch", "training_peer.py");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }
        return null;
    }

    /// <exception cref="InvalidOperationException">The peer died or answered with an error.</exception>
    public JsonObject Send(object request)
    {
        process.StandardInput.WriteLine(JsonSerializer.Serialize(request));
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException("The PyTorch peer exited without answering (its error is on stderr).");
        var answer = JsonNode.Parse(line)?.AsObject() ?? throw new InvalidOperationException($"The PyTorch peer answered '{line}'.");
        return answer["error"] is { } error
            ? throw new InvalidOperationException($"The PyTorch peer failed: {error.GetValue<string>()}")
            : answer;
    }

    public EpochFigures Epoch()
    {
        var answer = Send(new { op = "epoch" });
        return new EpochFigures(Number(answer, "seconds"), (long)Number(answer, "images"), Number(answer, "first_loss"),
            Number(answer, "loss"), Number(answer, "accuracy"));
    }

    public PhaseFigures Phases()
    {
        var answer = Send(new { op = "phases" });
        return new PhaseFigures(Number(answer, "data"), Number(answer, "forward"), Number(answer, "backward"), Number(answer, "step"),
            (long)Number(answer, "images"));
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine(JsonSerializer.Serialize(new { op = "quit" }));
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill();
                }
            }
        }
        catch (IOException)
        {
            // The pipe is gone because the peer already exited; there is nothing left to stop.
        }
        process.Dispose();
    }

    private static double Number(JsonObject answer, string name) =>
        answer[name]?.GetValue<double>() ?? throw new InvalidOperationException($"The PyTorch peer's answer has no '{name}'.");
}
