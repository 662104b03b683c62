using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrainingService.Faults.Harness;

/// <summary>
/// Sees checkpoint writes begin in a job's folder: every writer creates a <c>NAME.tmp-RANDOM</c> sibling,
/// fills and flushes it, then renames it over <c>NAME</c>. inotify reports the creation within a
/// millisecond or so, far inside a write of a 100 MB file.
/// </summary>
public sealed class CheckpointWrites : IDisposable
{
    public const string TemporaryMarker = ".tmp-";
    private readonly FileSystemWatcher _watcher;
    private readonly ConcurrentQueue<WriteStarted> _started = new();
    private readonly string _folder;

    public CheckpointWrites(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        _watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName, IncludeSubdirectories = false };
        _watcher.Created += (_, e) =>
        {
            if (e.Name?.Contains(TemporaryMarker, StringComparison.Ordinal) == true)
            {
                _started.Enqueue(new WriteStarted(e.Name, DateTimeOffset.UtcNow));
            }
        };
        _watcher.EnableRaisingEvents = true;
    }

    public IReadOnlyList<WriteStarted> Started => _started.ToList();

    /// <summary>The temporary files now in the folder: writes in progress, or torn by a kill and not yet cleaned up.</summary>
    public IReadOnlySet<string> Temporaries() =>
        Directory.EnumerateFiles(_folder).Select(Path.GetFileName).OfType<string>().Where(n => n.Contains(TemporaryMarker, StringComparison.Ordinal)).ToHashSet();

    /// <summary>The <paramref name="count"/>-th write (of <paramref name="checkpoint"/>, or of any) to begin after <paramref name="since"/>.</summary>
    public async Task<WriteStarted> WaitForAsync(DateTimeOffset since, int count, Func<bool> stillRunning, TimeSpan timeout, string? checkpoint = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var writes = Started.Where(w => w.At > since && (checkpoint is null || w.Checkpoint == checkpoint)).ToList();
            if (writes.Count >= count) return writes[count - 1];
            if (!stillRunning()) throw new FaultScenarioException($"The worker exited while waiting for checkpoint write {count}.");
            await Task.Delay(1);
        }
        throw new FaultScenarioException($"Checkpoint write {count} did not begin within {timeout}.");
    }

    public void Dispose() => _watcher.Dispose();
}

public sealed record WriteStarted(string File, DateTimeOffset At)
{
    /// <summary>The checkpoint being written: <c>best</c>, <c>last</c> or <c>training</c>.</summary>
    public string Checkpoint => File[..File.IndexOf('.', StringComparison.Ordinal)];
}
