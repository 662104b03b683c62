using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Clients.Hub;

/// <summary>Payload of the hub's <c>WorkerChanged</c> event: the worker as it now reads, or null once it stopped and left the fleet.</summary>
public sealed record WorkerChangedEvent(string Name, WorkerDto? Worker);
