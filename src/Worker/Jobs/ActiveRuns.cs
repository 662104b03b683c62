using System.Collections.Concurrent;

namespace TrainingService.Worker.Jobs;

/// <summary>The runs this worker process is training now, by job id, so stop requests and shutdown reach them.</summary>
public sealed class ActiveRuns
{
    private readonly ConcurrentDictionary<Guid, RunControl> _runs = new();

    /// <summary>The jobs running now (a snapshot), for the worker's heartbeat.</summary>
    public IReadOnlyCollection<Guid> JobIds => [.. _runs.Keys];

    public RunControl Start(Guid jobId) =>
        _runs.TryAdd(jobId, new RunControl(jobId)) ? _runs[jobId] : throw new InvalidOperationException($"Job {jobId} already runs on this worker.");

    public void End(RunControl control)
    {
        _runs.TryRemove(new KeyValuePair<Guid, RunControl>(control.JobId, control));
        control.Dispose();
    }

    public void RequestStop(Guid jobId, RunStopReason reason)
    {
        if (_runs.TryGetValue(jobId, out var control))
        {
            control.RequestStop(reason);
        }
    }

    public void StopAll(RunStopReason reason)
    {
        foreach (var control in _runs.Values)
        {
            control.RequestStop(reason);
        }
    }
}
