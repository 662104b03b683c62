namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A persistent reference to raw storage bytes kept outside the pickle, in the archive's data/&lt;Key&gt; entry.</summary>
internal sealed record PickleStorage(StateTensorType Type, string Key, long ElementCount);
