namespace TrainingService.Core.Checkpoints.SafeTensors;

/// <summary>What a safetensors file holds: the tensors in file order and the <c>__metadata__</c> strings.</summary>
public sealed record SafeTensorsFile(IReadOnlyList<StateTensor> Tensors, IReadOnlyDictionary<string, string> Metadata);
