using System.Diagnostics;

namespace TrainingService.Faults.Harness;

/// <summary>
/// One real process of the service (the built Api or Worker dll under <c>dotnet</c>), its output
/// appended to a log file. It can be killed as a crash kills it (SIGKILL) or stopped as an orchestrator
/// stops it (SIGTERM).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private bool _closed;

    private ServiceProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string LogPath { get; }

    public bool HasExited
    {
        get
        {
            lock (_gate)
            {
                if (_closed) return true;
            }
            return _process.HasExited;
        }
    }

    public int ExitCode => _process.HasExited ? _process.ExitCode : -1;

    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments)
    {
        var dll = ServiceBinaries.Dll(project);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built; build the solution (or this project) first.", dll);
        }
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        log.WriteLine($"--- {DateTimeOffset.UtcNow:O} starting {project} ---");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start.");
        return new ServiceProcess(process, log, logPath);
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or the OOM killer ends the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the process to finish its graceful shutdown; returns how long that took.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            // .NET has no managed SIGTERM for another process; kill(1) is always there on Linux.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{LogPath}: the process did not stop within {timeout} of SIGTERM.");
        }
        return clock.Elapsed;
    }

    /// <summary>The dashboard on <paramref name="web"/>, talking to the Api on <paramref name="api"/>, once it answers.</summary>
    public static async Task<ServiceProcess> StartWebAsync(Uri web, Uri api, string logPath)
    {
        var process = Start("Web", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = web.AbsoluteUri,
            ["ApiOptions__BaseUrl"] = api.AbsoluteUri,
            ["ApiOptions__PublicUrl"] = api.AbsoluteUri,
        }, logPath);
        await process.WaitUntilAnsweringAsync(new Uri(web, "favicon.ico"));
        return process;
    }

    /// <summary>Waits until <paramref name="address"/> answers with a success, failing at once if the process exits first.</summary>
    public async Task WaitUntilAnsweringAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (HasExited) throw new FaultScenarioException($"{LogPath}: the process exited while starting:\n{Tail()}");
            try
            {
                if ((await http.GetAsync(address)).IsSuccessStatusCode) return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new FaultScenarioException($"{address} did not answer within 120 s:\n{Tail()}");
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        lock (_gate)
        {
            if (!_closed) _log.Flush();
        }
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            // Output can still arrive while the process is disposed; it is dropped then.
            if (!_closed) _log.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closed) return;
        }
        await KillAsync();
        _process.Dispose();
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }
    }
}
