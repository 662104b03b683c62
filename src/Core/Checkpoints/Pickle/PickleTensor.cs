namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A tensor as torch._utils._rebuild_tensor_v2 describes it: a strided view into a storage.</summary>
internal sealed record PickleTensor(PickleStorage Storage, long Offset, long[] Shape, long[] Stride);
