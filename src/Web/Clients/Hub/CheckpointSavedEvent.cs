namespace TrainingService.Web.Clients.Hub;

/// <summary>Payload of the hub's <c>CheckpointSaved</c> event; subscribers re-read the checkpoint list.</summary>
public sealed record CheckpointSavedEvent(Guid JobId, string Name, int Epoch);
