namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>data.pkl and, in storage-key order ("0", "1", ...), the tensors whose bytes go to data/&lt;key&gt;.</summary>
internal sealed record PickledCheckpoint(byte[] Pickle, IReadOnlyList<TensorValue> Storages);
