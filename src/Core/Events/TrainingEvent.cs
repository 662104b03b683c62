using System.Text.Json.Serialization;

namespace TrainingService.Core.Events;

/// <summary>
/// What the worker announces through PostgreSQL NOTIFY, inside the transaction that stores the
/// fact, so an event is delivered only for what is committed. Payloads stay far below 8,000 bytes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JobStatusChangedEvent), "status")]
[JsonDerivedType(typeof(EpochCompletedEvent), "epoch")]
[JsonDerivedType(typeof(BatchProgressEvent), "batch")]
[JsonDerivedType(typeof(CheckpointSavedEvent), "checkpoint")]
[JsonDerivedType(typeof(JobLabelsChangedEvent), "labels")]
[JsonDerivedType(typeof(JobDeletedEvent), "deleted")]
public abstract record TrainingEvent(Guid JobId)
{
    /// <summary>The PostgreSQL channel every event travels on.</summary>
    public const string Channel = "training_events";
}
