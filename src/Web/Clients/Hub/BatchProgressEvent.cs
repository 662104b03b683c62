namespace TrainingService.Web.Clients.Hub;

/// <summary>Payload of the hub's throttled <c>BatchProgress</c> event; ephemeral, never stored by the Api.</summary>
public sealed record BatchProgressEvent(
    Guid JobId,
    int Epoch,
    int Batch,
    int BatchesPerEpoch,
    double Loss,
    double Accuracy);
