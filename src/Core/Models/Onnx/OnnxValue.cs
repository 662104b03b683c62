namespace TrainingService.Core.Models.Onnx;

/// <summary>A tensor of the graph being built: its name and its shape after the batch dimension, known statically.</summary>
internal readonly record struct OnnxValue(string Name, long[] Shape);
