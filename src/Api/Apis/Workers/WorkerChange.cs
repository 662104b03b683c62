namespace TrainingService.Api.Apis.Workers;

/// <summary>The hub's <c>WorkerChanged</c> event: the worker as it now reads, or null once it stopped and left the fleet.</summary>
public sealed record WorkerChange(string Name, WorkerResource? Worker);
