namespace TrainingService.Core.Persistence;

/// <summary>
/// What a worker process is doing. <see cref="Lost"/> is never stored: a row whose heartbeat is older
/// than the run lease reads as lost (<see cref="WorkerRecord.StateAt"/>).
/// </summary>
public enum WorkerState
{
    Idle,
    Busy,
    Draining,
    Lost,
}
