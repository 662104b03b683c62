namespace TrainingService.Faults.Harness;

/// <summary>A scenario could not go on (a wait timed out, the job ended too soon); its message says where it stood.</summary>
public sealed class FaultScenarioException(string message) : Exception(message);
