namespace TrainingService.Core.Models.Onnx;

/// <summary>The element type of a preprocessing graph's raw pixel input; either way the values are 0 to 255.</summary>
public enum OnnxRawElementType
{
    UInt8,
    Float32,
}
